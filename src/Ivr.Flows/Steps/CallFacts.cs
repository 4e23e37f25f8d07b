using Ivr.Flows.Execution;

namespace Ivr.Flows.Steps;

/// <summary>What the call's variables say about the caller, read the same way by every step that needs it.</summary>
internal static class CallFacts
{
    public static string CallSid(StepContext context) => context.Get(FlowVariables.CallSid).AsText() ?? context.Session.Key;

    public static string From(StepContext context) => context.Get(FlowVariables.From).AsText() ?? string.Empty;

    public static Guid? PatientId(StepContext context) =>
        Guid.TryParse(context.Get(FlowVariables.PatientId).AsText(), out var id) ? id : null;

    public static Guid? AppointmentId(StepContext context) =>
        Guid.TryParse(context.Get(FlowVariables.AppointmentId).AsText(), out var id) ? id : null;
}
