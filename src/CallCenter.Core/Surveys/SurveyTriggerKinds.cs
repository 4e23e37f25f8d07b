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

    /// <summary>Definable in a survey's triggers.</summary>
    public static readonly IReadOnlyList<string> All = [DeskCall, VisitCompleted, FollowUpCall];

    /// <summary>An SMS survey step of a department's follow-up plan (not a trigger: the plan names the survey).</summary>
    public const string FollowUpPlan = "follow-up-plan";

    /// <summary>A questionnaire an agent filled in on a follow-up call (not sent; no frequency limit).</summary>
    public const string AgentCall = "agent-call";

    /// <summary>Every kind an invitation may have.</summary>
    public static readonly IReadOnlyList<string> Sources = [DeskCall, VisitCompleted, FollowUpCall, FollowUpPlan, AgentCall];
}
