namespace Ivr.Flows.Execution;

/// <summary>
/// A <c>verify</c> step waiting for the date of birth: the patient the identifier named, if any. Never what was typed.
/// </summary>
public sealed record PendingVerification(Guid? Candidate);
