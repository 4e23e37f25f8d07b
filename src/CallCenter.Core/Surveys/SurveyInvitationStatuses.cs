namespace CallCenter.Core.Surveys;

/// <summary>An invitation is open until every question is answered (completed); past its expiry it is expired.</summary>
public static class SurveyInvitationStatuses
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Expired = "expired";

    public static readonly IReadOnlyList<string> All = [Open, Completed, Expired];
}
