namespace CallCenter.Core.Reminders;

/// <summary>
/// A message reminders want sent: to whom, why, by which channel, when, and the values its template may use. The
/// outbox renders it (template per purpose, channel and language) and applies the send-time rules (consent, quiet
/// hours, caps). <see cref="Correlation"/> names it for a later withdrawal.
/// </summary>
public sealed record OutboundMessage
{
    public required Guid PatientId { get; init; }
    public required string Purpose { get; init; }
    public required string Channel { get; init; }
    public required DateTime DueAt { get; init; }
    public required string Correlation { get; init; }

    /// <summary>Do not send after this (the visit it is about has started).</summary>
    public DateTime? SendBefore { get; init; }

    /// <summary>Urgent messages (an offer that lapses in minutes) bypass frequency caps.</summary>
    public bool Urgent { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
