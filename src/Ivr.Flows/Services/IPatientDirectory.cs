namespace Ivr.Flows.Services;

/// <summary>Finds and verifies the patient on the line. Every lookup is audited by the hub as the IVR.</summary>
public interface IPatientDirectory
{
    /// <summary>The patient whose phone is <paramref name="phoneE164"/>, when exactly one matches.</summary>
    Task<CallerProfile?> FindByPhoneAsync(string phoneE164, CancellationToken cancellationToken);

    /// <summary>
    /// Checks what the caller typed against the patient's record. With no <paramref name="patientId"/> (unknown
    /// caller) an MRN identifies the patient; a date of birth alone never does.
    /// </summary>
    Task<VerificationResult> VerifyAsync(Guid? patientId, VerificationMethod method, string typed, CancellationToken cancellationToken);
}
