namespace CallCenter.Core.FollowUps;

/// <summary>What a plan step does.</summary>
public static class FollowUpPlanActions
{
    /// <summary>A call by an agent (a follow-up task), optionally with a questionnaire (a survey's questions).</summary>
    public const string Call = "call";

    /// <summary>An SMS survey, through the outbox.</summary>
    public const string SmsSurvey = "sms-survey";

    public static readonly IReadOnlyList<string> All = [Call, SmsSurvey];
}
