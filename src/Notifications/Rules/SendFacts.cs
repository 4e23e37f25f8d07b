using CallCenter.Core.Patients;

namespace Notifications.Rules;

/// <summary>
/// What the send rules need to know about one claimed batch, read in a few statements for the whole batch: the
/// suppressed recipients, each patient's consent history (newest first) and time zone, and how many non-urgent
/// messages each patient was sent in the frequency window. The dispatcher counts the batch's own sends in as it goes.
/// </summary>
internal sealed class SendFacts
{
    public Dictionary<(string Channel, string Address), string> Suppressed { get; } = [];

    public Dictionary<Guid, List<PatientConsent>> Consents { get; } = [];

    public Dictionary<Guid, string> TimeZones { get; } = [];

    public Dictionary<Guid, SentCount> SentSince { get; } = [];

    /// <summary>Counts a message the rules just let go, so a second one for the same patient in the batch sees it.</summary>
    public void CountSend(Guid patientId, DateTime at)
    {
        lock (SentSince)
        {
            SentSince[patientId] = SentSince.TryGetValue(patientId, out var sent)
                ? new SentCount(sent.Count + 1, sent.Oldest ?? at)
                : new SentCount(1, at);
        }
    }

    public SentCount SentFor(Guid patientId)
    {
        lock (SentSince)
        {
            return SentSince.TryGetValue(patientId, out var sent) ? sent : new SentCount(0, null);
        }
    }
}

/// <summary>Non-urgent messages the carrier took for a patient in the window, and when the oldest of them went.</summary>
internal readonly record struct SentCount(int Count, DateTime? Oldest);
