namespace Carrier.Simulator.Phone;

/// <summary>A simulated patient places a call: <c>from</c> is the patient's phone, <c>to</c> the hub's number.</summary>
internal sealed record PlaceCallBody(string? From, string? To);

internal sealed record DigitsBody(string? Digits);

internal sealed record SpeechBody(string? Text);

internal sealed record SendSmsBody(string? From, string? To, string? Body);

/// <summary>How the phone at a number answers when the hub calls or dials it: answer, busy, no-answer, failed or machine.</summary>
internal sealed record FarEndBody(string? Answer);

internal sealed record CallPlaced(string CallSid);

internal sealed record TranscriptLine(DateTimeOffset At, string Kind, string Text, IReadOnlyDictionary<string, string>? Details);

/// <summary>A call as the simulated phone sees it: status, and what was said, gathered and where the call went.</summary>
internal sealed record CallView(
    string CallSid, string From, string To, string Direction, string Status, int Duration, string? Queue, IReadOnlyList<TranscriptLine> Transcript);

internal sealed record CallSummary(string CallSid, string From, string To, string Direction, string Status, DateTimeOffset CreatedAt);

internal sealed record MessageView(string Sid, string From, string To, string Body, string Direction, string Status, int NumSegments, DateTimeOffset DateCreated);

/// <summary>The carrier's throttling: message creates accepted per second before 429; null for no limit.</summary>
internal sealed record LimitsBody(int? MessageCreatesPerSecond);

/// <summary>Whether the carrier holds outbound messages queued (a backed-up carrier queue).</summary>
internal sealed record MessageHoldBody(bool Hold);

/// <summary>Whether the carrier drops every call's final status callback (the hub never hears how a call ended).</summary>
internal sealed record StatusCallbacksBody(bool DropFinal);
