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

    /// <summary>Null for the whole channel; else the one purpose (<see cref="ConsentPurposes"/>) this row is about.</summary>
    public string? Purpose { get; init; }

    /// <summary>The newest change per channel (and per purpose, where one was given), from a history ordered newest first.</summary>
    public static IReadOnlyList<PatientConsent> CurrentOf(IEnumerable<PatientConsent> newestFirst) =>
        newestFirst.GroupBy(c => (c.Channel, c.Purpose)).Select(g => g.First())
            .OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Purpose ?? string.Empty, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether a message for <paramref name="purpose"/> may go out on <paramref name="channel"/>: the newest change of
    /// the whole channel or of that purpose decides; with none recorded, it may (consent was taken at registration).
    /// </summary>
    public static bool Allows(IEnumerable<PatientConsent> newestFirst, string channel, string purpose) =>
        newestFirst.FirstOrDefault(c => c.Channel == channel && (c.Purpose is null || c.Purpose == purpose))?.Granted ?? true;
}
