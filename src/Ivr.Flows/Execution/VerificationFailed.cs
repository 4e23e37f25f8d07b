using Ivr.Flows.Services;

namespace Ivr.Flows.Execution;

/// <summary>
/// The caller's answers by <paramref name="Method"/> and date of birth matched no patient (or were not even well
/// formed: <paramref name="Malformed"/>; or were not checked at all because too many attempts failed:
/// <paramref name="LockedOut"/>). What they typed is not part of it.
/// </summary>
public sealed record VerificationFailed(string Step, VerificationMethod Method, bool Malformed, bool LockedOut = false) : TurnEvent(Step);
