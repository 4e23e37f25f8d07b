namespace Ivr.Flows.Services;

/// <summary>Whether the typed value matched, and the patient it identified.</summary>
public sealed record VerificationResult(bool Verified, CallerProfile? Patient);
