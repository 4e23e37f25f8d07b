namespace CallCenter.Core.Wallboard;

/// <summary>The stored codes of <see cref="QueueEventKind"/>: kebab-case, as every other status the hub stores.</summary>
public static class QueueEventKinds
{
    private static readonly Dictionary<QueueEventKind, string> Codes = new()
    {
        [QueueEventKind.Entered] = "entered",
        [QueueEventKind.Offered] = "offered",
        [QueueEventKind.OfferDeclined] = "offer-declined",
        [QueueEventKind.RingNoAnswer] = "ring-no-answer",
        [QueueEventKind.OfferWithdrawn] = "offer-withdrawn",
        [QueueEventKind.Connected] = "connected",
        [QueueEventKind.Completed] = "completed",
        [QueueEventKind.Abandoned] = "abandoned",
        [QueueEventKind.TimedOut] = "timed-out",
        [QueueEventKind.Overflowed] = "overflowed",
        [QueueEventKind.Transferred] = "transferred",
        [QueueEventKind.CallbackRequested] = "callback-requested",
    };

    private static readonly Dictionary<string, QueueEventKind> Kinds = Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToCode(this QueueEventKind kind) => Codes[kind];

    public static QueueEventKind? Parse(string? code) => code is not null && Kinds.TryGetValue(code, out var kind) ? kind : null;
}
