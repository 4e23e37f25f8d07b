using Ivr.Flows.Model;

namespace Ivr.Flows.Steps;

/// <summary>
/// The callback an <see cref="EnqueueStep"/> offers when the wait is long: the caller presses a key to hang up and be
/// called back, keeping their place in line.
/// <code>{"thresholdSeconds": 300, "prompt": {...}, "key": "1", "confirmPrompt": {...}, "next": "bye"}</code>
/// </summary>
public sealed class QueueCallbackOffer
{
    /// <summary>Offered when the estimated wait is longer than this (0-3600 seconds).</summary>
    public int ThresholdSeconds { get; init; } = 300;

    /// <summary>The offer ("press 1 to be called back; you keep your place").</summary>
    public LocalizedText? Prompt { get; init; }

    /// <summary>The key that accepts (default 1).</summary>
    public string Key { get; init; } = "1";

    /// <summary>Said once the request is stored, before the caller leaves the queue.</summary>
    public LocalizedText? ConfirmPrompt { get; init; }

    /// <summary>Where the flow goes after the caller left the queue for a callback; the call ends when absent.</summary>
    public string? Next { get; init; }
}
