namespace CallCenter.Core.FollowUps;

public static class FollowUpKinds
{
    public const string Voicemail = "voicemail";

    /// <summary>A callback whose attempts ran out (busy, no answer, a machine): a person takes it on.</summary>
    public const string CallbackFailed = "callback-failed";

    /// <summary>A low survey score: a supervisor calls the patient back to put things right.</summary>
    public const string ServiceRecovery = "service-recovery";

    /// <summary>A call a department's follow-up plan asks for after a completed visit.</summary>
    public const string PlanCall = "plan-call";

    public static readonly IReadOnlyList<string> All = [Voicemail, CallbackFailed, ServiceRecovery, PlanCall];
}
