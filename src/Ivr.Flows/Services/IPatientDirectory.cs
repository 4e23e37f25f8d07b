namespace Ivr.Flows.Services;

/// <summary>Finds and verifies the patient on the line. Every lookup is audited by the hub as the IVR.</summary>
public interface IPatientDirectory
{
    /// <summary>The patient whose phone is <paramref name="phoneE164"/>, when exactly one matches.</summary>
    Task<CallerProfile?> FindByPhoneAsync(string phoneE164, CancellationToken cancellationToken);

    /// <summary>
    /// The first of verification's two questions: the patient the typed identifier (by <paramref name="method"/>)
    /// names, if any. Refused (<see cref="IdentifierCheck.LockedOut"/>) while the calling number has failed too often.
    /// </summary>
    Task<IdentifierCheck> CheckIdentifierAsync(VerificationAttempt attempt, VerificationMethod method, string typed, CancellationToken cancellationToken);

    /// <summary>
    /// The second: whether the typed date of birth (YYYYMMDD) is <paramref name="candidate"/>'s. A failure counts
    /// against the calling number and the candidate patient; past the limits, attempts are refused for a while.
    /// </summary>
    Task<VerificationResult> VerifyBirthDateAsync(VerificationAttempt attempt, Guid? candidate, string typed, CancellationToken cancellationToken);
}
