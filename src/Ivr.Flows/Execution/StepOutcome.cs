namespace Ivr.Flows.Execution;

/// <summary>What a step did: go on to another step, wait for the caller (its verb is rendered), or end.</summary>
public readonly record struct StepOutcome
{
    private StepOutcome(StepOutcomeKind kind, string? next, string? reason)
    {
        Kind = kind;
        NextStep = next;
        Reason = reason;
    }

    public StepOutcomeKind Kind { get; }

    public string? NextStep { get; }

    /// <summary>The event that chose the transition (<c>match</c>, <c>timeout</c>, <c>no-match</c>...), for the trace.</summary>
    public string? Reason { get; }

    /// <summary>Go to <paramref name="stepId"/>; a null target (an optional transition left out) ends the flow.</summary>
    public static StepOutcome Next(string? stepId, string? reason = null) =>
        stepId is null ? new(StepOutcomeKind.End, null, reason) : new(StepOutcomeKind.Next, stepId, reason);

    /// <summary>The step rendered a verb that calls back; the flow stays on it until the input comes.</summary>
    public static StepOutcome Wait(string? reason = null) => new(StepOutcomeKind.Wait, null, reason);

    /// <summary>The flow is over: a voice call is hung up (the engine adds Hangup if the step did not).</summary>
    public static StepOutcome End(string? reason = null) => new(StepOutcomeKind.End, null, reason);
}
