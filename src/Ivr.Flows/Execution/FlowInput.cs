namespace Ivr.Flows.Execution;

/// <summary>
/// The input of one webhook, already parsed by the hub: which step and turn the action URL named, the event, and
/// the carrier's fields. Any field may be missing or garbage; steps treat garbage as no input.
/// </summary>
public sealed record FlowInput
{
    public required FlowEvent Event { get; init; }

    /// <summary>The step id carried in the action URL.</summary>
    public string? Step { get; init; }

    /// <summary>The turn carried in the action URL; null for events that do not move the flow (holds).</summary>
    public int? Turn { get; init; }

    public string? Digits { get; init; }

    public string? SpeechResult { get; init; }

    public string? RecordingUrl { get; init; }

    public int? RecordingDurationSeconds { get; init; }

    /// <summary>Dial outcome as Twilio spells it: completed, answered, busy, no-answer, failed, canceled.</summary>
    public string? DialCallStatus { get; init; }

    /// <summary>Enqueue outcome as Twilio spells it: bridged, bridging-in-process, queue-full, redirected, hangup, leave, error, system-error.</summary>
    public string? QueueResult { get; init; }

    public int? QueuePosition { get; init; }

    public int? QueueTimeSeconds { get; init; }

    /// <summary>The text of an SMS.</summary>
    public string? Body { get; init; }

    /// <summary>The carrier's id of the message or call that brought this input (MessageSid).</summary>
    public string? Sid { get; init; }
}
