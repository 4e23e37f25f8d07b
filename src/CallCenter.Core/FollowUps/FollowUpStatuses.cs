namespace CallCenter.Core.FollowUps;

public static class FollowUpStatuses
{
    public const string Open = "open";

    /// <summary>Worked: the patient was reached (or needs a doctor).</summary>
    public const string Done = "done";

    /// <summary>Given up: a wrong number, or the patient refused.</summary>
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Open, Done, Closed];
}
