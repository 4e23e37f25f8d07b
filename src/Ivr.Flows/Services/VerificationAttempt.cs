namespace Ivr.Flows.Services;

/// <summary>Who is trying to verify: the call (its CallSid, for the audit trail) and the number it comes from.</summary>
public sealed record VerificationAttempt(string CallSid, string? CallerNumber);
