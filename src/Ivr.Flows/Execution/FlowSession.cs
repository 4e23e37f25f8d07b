using System.Text.Json.Serialization;
using Ivr.Flows.Model;
using Ivr.Flows.Values;

namespace Ivr.Flows.Execution;

/// <summary>
/// Everything the engine knows about one call (or one SMS conversation) between two webhooks. The hub stores it by
/// CallSid after every turn, as JSON, so any hub process, or a restarted one, can carry the call on.
/// </summary>
public sealed class FlowSession
{
    /// <summary>The CallSid of a call; for SMS the conversation key the hub chose (patient number and hotline number).</summary>
    public required string Key { get; init; }

    public required FlowKind Kind { get; init; }

    public required string FlowId { get; init; }

    /// <summary>The version the call started on; it runs to its end on that version.</summary>
    public required string FlowVersion { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The step the call is at: the one waiting for input, or the last one run.</summary>
    public string CurrentStep { get; set; } = string.Empty;

    /// <summary>Counts turns (webhooks that moved the flow); action URLs carry it, so a repeated webhook is recognised.</summary>
    public int Turn { get; set; }

    /// <summary>How many times the current step has asked again after no or invalid input.</summary>
    public int Attempts { get; set; }

    public string Language { get; set; } = "zh-CN";

    public bool Ended { get; set; }

    public Dictionary<string, FlowValue> Variables { get; init; } = new(StringComparer.Ordinal);

    public List<TraceEntry> Trace { get; init; } = [];

    /// <summary>The answer given for <see cref="Turn"/>: a repeated webhook for the same turn gets it again, unchanged.</summary>
    public string? LastResponse { get; set; }

    /// <summary>The menu keys the caller pressed (or said), in order: the last ones, as menu steps keep them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> MenuPath => Get(FlowVariables.MenuPath).AsList();

    /// <summary>
    /// The patient the caller proved to be, set only by a <c>verify</c> step (or by the hub for a call it placed to
    /// the patient's number on record), never by a flow's variables: steps that disclose or change patient data run
    /// only while <c>patient.id</c> is this patient (see <see cref="Model.FlowStep.NeedsVerifiedCaller"/>).
    /// </summary>
    public Guid? VerifiedPatientId { get; set; }

    /// <summary>
    /// Between the two questions of a <c>verify</c> step: the patient the typed identifier named (null when it named
    /// none, so the caller is asked the date of birth either way and learns nothing from the order). Never what was typed.
    /// </summary>
    public PendingVerification? PendingVerification { get; set; }

    /// <summary>Whether the caller proved who they are (<see cref="VerifiedPatientId"/>); <c>patient.verified</c> set by a flow does not count.</summary>
    [JsonIgnore]
    public bool PatientVerified => VerifiedPatientId is not null;

    public FlowValue Get(string name) => Variables.TryGetValue(name, out var value) ? value : FlowValue.Null;

    public void Set(string name, FlowValue value) => Variables[name] = value;
}
