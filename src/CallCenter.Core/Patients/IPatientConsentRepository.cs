namespace CallCenter.Core.Patients;

/// <summary>Append-only consent history per patient and channel.</summary>
public interface IPatientConsentRepository
{
    Task AddAsync(PatientConsent consent, CancellationToken cancellationToken = default);

    /// <summary>Every change, newest first.</summary>
    Task<IReadOnlyList<PatientConsent>> HistoryAsync(Guid patientId, CancellationToken cancellationToken = default);

    /// <summary>The newest change per channel: what holds now. Channels never recorded are absent.</summary>
    async Task<IReadOnlyList<PatientConsent>> CurrentAsync(Guid patientId, CancellationToken cancellationToken = default) =>
        PatientConsent.CurrentOf(await HistoryAsync(patientId, cancellationToken));
}
