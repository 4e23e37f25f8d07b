namespace CallCenter.Core.Surveys;

/// <summary>What sends a survey.</summary>
public static class SurveyTriggerKinds
{
    /// <summary>An SMS after a desk call of the trigger's queue is wrapped up.</summary>
    public const string DeskCall = "desk-call";

    /// <summary>An SMS some hours after a visit (of the trigger's department, or any) is completed.</summary>
    public const string VisitCompleted = "visit-completed";

    /// <summary>An SMS after a follow-up call reached the patient.</summary>
    public const string FollowUpCall = "follow-up-call";

    public static readonly IReadOnlyList<string> All = [DeskCall, VisitCompleted, FollowUpCall];
}
