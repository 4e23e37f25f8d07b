using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>Writes what the IVR knows of a recognised or verified caller into the call's variables.</summary>
internal static class PatientVariables
{
    public static void Apply(StepContext context, CallerProfile patient)
    {
        context.Set(FlowVariables.CallerKnown, FlowValue.True);
        context.Set(FlowVariables.PatientId, FlowValue.From(patient.PatientId.ToString()));
        // A directory may leave the names out (the hub does before verification unless told otherwise): unset, not blank.
        context.Set(FlowVariables.PatientName, string.IsNullOrEmpty(patient.DisplayName) ? FlowValue.Null : FlowValue.From(patient.DisplayName));
        context.Set(FlowVariables.PatientGivenName, string.IsNullOrEmpty(patient.GivenName) ? FlowValue.Null : FlowValue.From(patient.GivenName));
        context.Set(FlowVariables.PatientTags, FlowValue.From(patient.Tags));
    }

    /// <summary>The patient the call is about (recognised or verified), or null.</summary>
    public static Guid? PatientId(StepContext context) =>
        Guid.TryParse(context.Get(FlowVariables.PatientId).AsText(), out var id) ? id : null;
}
