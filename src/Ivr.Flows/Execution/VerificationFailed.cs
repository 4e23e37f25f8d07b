using Ivr.Flows.Services;

namespace Ivr.Flows.Execution;

/// <summary>
/// What the caller typed by <paramref name="Method"/> matched no patient (or was not even well formed:
/// <paramref name="Malformed"/>). What they typed is not part of it.
/// </summary>
public sealed record VerificationFailed(string Step, VerificationMethod Method, bool Malformed) : TurnEvent(Step);
