namespace Ivr.Flows.Execution;

/// <summary>
/// One line of a call's trace: when, which step, what happened (<c>enter</c>, <c>input</c>, <c>transition</c>,
/// <c>error</c>...) and a short detail. Details never hold what a caller typed to prove who they are.
/// </summary>
public sealed record TraceEntry(DateTimeOffset At, string Step, string Event, string? Detail = null);
