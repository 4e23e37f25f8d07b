namespace Ivr.Flows.Execution;

/// <summary>The flow entered <paramref name="Step"/>, a step of type <paramref name="StepType"/>.</summary>
public sealed record StepEntered(string Step, string StepType) : TurnEvent(Step);
