namespace CallCenter.Core.Patients;

/// <summary>
/// One consent change for one channel: given (<see cref="Granted"/>) or withdrawn, when and how. Rows are
/// never changed; the current consent for a channel is its newest row.
/// </summary>
public sealed record PatientConsent
{
    public required Guid Id { get; init; }
    public required Guid PatientId { get; init; }
    public required string Channel { get; init; }
    public bool Granted { get; init; }
    public required DateTime ChangedAt { get; init; }
    public required string Method { get; init; }
    public Guid? RecordedByUserId { get; init; }
    public string? Note { get; init; }

    /// <summary>The newest change per channel, from a history ordered newest first.</summary>
    public static IReadOnlyList<PatientConsent> CurrentOf(IEnumerable<PatientConsent> newestFirst) =>
        newestFirst.GroupBy(c => c.Channel).Select(g => g.First()).OrderBy(c => c.Channel, StringComparer.Ordinal).ToList();
}
