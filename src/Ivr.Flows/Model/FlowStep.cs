using System.Reflection;
using System.Text.Json.Serialization;
using Ivr.Flows.Execution;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Model;

/// <summary>
/// One step of a flow. A step runs when the flow reaches it (<see cref="ExecuteAsync"/>): it either moves on at once
/// (<see cref="StepOutcome.Next"/>), or renders a verb that waits for the caller (<see cref="StepOutcome.Wait"/>)
/// and is resumed with the caller's input (<see cref="ResumeAsync"/>), or ends the call. Steps keep no state of their
/// own: everything a call needs later goes in <see cref="FlowSession"/>, so a restarted hub carries on.
/// </summary>
public abstract class FlowStep
{
    public string Id { get; init; } = string.Empty;

    /// <summary>The type name from <see cref="FlowStepTypeAttribute"/>; written by the loader, not read from the file.</summary>
    [JsonIgnore]
    public string TypeName => GetType().GetCustomAttribute<FlowStepTypeAttribute>()?.Name ?? GetType().Name;

    /// <summary>A note for people editing the flow; ignored by the engine.</summary>
    public string? Note { get; init; }

    /// <summary>True when the step can stop and wait for the caller (or the carrier): used to find loops that wait for nothing.</summary>
    [JsonIgnore]
    public bool WaitsForInput => Waits;

    /// <summary>Overridden by steps that wait. Protected, so it is not a field of the flow file.</summary>
    protected virtual bool Waits => false;

    /// <summary>
    /// True when the step discloses or changes a patient's data: the engine runs it only for a verified caller, and the
    /// validator refuses a flow that reaches it from the start without passing a <c>verify</c> step.
    /// </summary>
    [JsonIgnore]
    public bool NeedsVerifiedCaller => DisclosesPatientData;

    /// <summary>Overridden by steps that read out or change patient data. Protected, so it is not a field of the flow file.</summary>
    protected virtual bool DisclosesPatientData => false;

    /// <summary>Every transition as (field name, target step id); targets may be null when optional and absent.</summary>
    public abstract IEnumerable<StepTransition> Transitions();

    /// <summary>Every prompt the step speaks or sends, as (field name, text), so validation can check each language.</summary>
    public virtual IEnumerable<StepPrompt> Prompts() => [];

    /// <summary>Checks the step's own fields (ranges, expressions, queues); transitions and prompts are checked for it.</summary>
    public virtual void Validate(StepValidationContext context)
    {
    }

    public abstract ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the call ends (the caller hung up) while the flow waits at this step, so the step can let go of
    /// what it holds (a place in a queue). The flow ends after it whatever it does.
    /// </summary>
    public virtual ValueTask OnCallEndedAsync(StepContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Called with the caller's input after the step returned <see cref="StepOutcome.Wait"/>.</summary>
    public virtual ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(context, cancellationToken);
}
