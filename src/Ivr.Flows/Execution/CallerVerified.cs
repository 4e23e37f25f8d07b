using Ivr.Flows.Services;

namespace Ivr.Flows.Execution;

/// <summary>The caller proved who they are by <paramref name="Method"/>. What they typed is not part of it.</summary>
public sealed record CallerVerified(string Step, VerificationMethod Method) : TurnEvent(Step);
