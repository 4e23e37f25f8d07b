namespace Ivr.Flows.Execution;

/// <summary>The call joined <paramref name="Queue"/> and waits there for an agent.</summary>
public sealed record Enqueued(string Step, string Queue) : TurnEvent(Step);
