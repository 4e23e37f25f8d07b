namespace CallCenter.Core.FollowUps;

/// <summary>What an agent records after trying to reach the patient of a follow-up.</summary>
public static class FollowUpOutcomes
{
    public const string Reached = "reached";
    public const string NoAnswer = "no-answer";
    public const string WrongNumber = "wrong-number";
    public const string Refused = "refused";

    /// <summary>Reached, and the patient needs a doctor: a problem found.</summary>
    public const string NeedsDoctor = "needs-doctor";

    public static readonly IReadOnlyList<string> All = [Reached, NoAnswer, WrongNumber, Refused, NeedsDoctor];

    /// <summary>The status a follow-up takes after the outcome; a no-answer stays open for the next attempt.</summary>
    public static string StatusAfter(string outcome) => outcome switch
    {
        Reached or NeedsDoctor => FollowUpStatuses.Done,
        WrongNumber or Refused => FollowUpStatuses.Closed,
        _ => FollowUpStatuses.Open,
    };

    public static bool IsReached(string outcome) => outcome is Reached or NeedsDoctor;
}
