namespace CallCenter.Core.Ivr.Verification;

/// <summary>Failed IVR verifications, counted per subject (<see cref="VerificationSubjects"/>) in the shared database.</summary>
public interface IVerificationFailures
{
    Task<int> CountSinceAsync(string subject, DateTime sinceUtc, CancellationToken cancellationToken = default);

    /// <summary>Records one failure for each subject, in one transaction.</summary>
    Task RecordAsync(IReadOnlyCollection<string> subjects, string callSid, CancellationToken cancellationToken = default);
}
