namespace Ivr.Flows.Services;

/// <summary>Whether the answers matched, and the patient they identified; <paramref name="LockedOut"/> when too many attempts failed.</summary>
public sealed record VerificationResult(bool Verified, CallerProfile? Patient, bool LockedOut = false);
