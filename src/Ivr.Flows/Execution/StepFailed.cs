namespace Ivr.Flows.Execution;

/// <summary>
/// A step threw; the caller was answered by the flow's error path. Only the exception's type name: its message may
/// quote data (a number, a name) that must not reach the hub's log.
/// </summary>
public sealed record StepFailed(string Step, string ErrorType) : TurnEvent(Step);
