namespace Carrier.Simulator.Calls;

/// <summary>
/// One line of what happened on a call: what the caller heard (say, play, pause), what they gave (digits, speech),
/// where the call went (request, redirect, enqueue, dial) and errors, the way Twilio's debugger would show them.
/// </summary>
internal sealed record TranscriptEntry(DateTimeOffset At, string Kind, string Text, IReadOnlyDictionary<string, string>? Details = null);
