using Ivr.Flows.Execution;

namespace CallCenter.Core.Ivr;

/// <summary>The patients whose data a call's IVR session holds, for scope checks and the audit trail.</summary>
public static class CallSessionPatients
{
    /// <summary>
    /// The patient caller ID linked the call to, the patient the caller verified as, and the patient the session's
    /// variables are about (<c>patient.id</c>), each once, in that order.
    /// </summary>
    public static IReadOnlyList<Guid> Of(Guid? linkedPatientId, FlowSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var variable = Guid.TryParse(session.Get(FlowVariables.PatientId).AsText(), out var id) ? id : (Guid?)null;
        return new[] { linkedPatientId, session.VerifiedPatientId, variable }.OfType<Guid>().Distinct().ToList();
    }
}
