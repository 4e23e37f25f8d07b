namespace Notifications.Channels.Voice;

/// <summary>
/// The calls the voice channel placed (<c>voice_call</c>), and the two moves of an outbox row only a call's outcome
/// makes: ended (forward only, like an SMS delivery status) and called again after no answer. Both also take a row
/// the dispatcher has not yet recorded as accepted (still <c>sending</c>, no carrier id): a busy line can report back
/// before the create's answer has been written.
/// </summary>
internal interface IVoiceCallRepository
{
    /// <summary>Records a call placed for a row (once; a repeat changes nothing).</summary>
    Task RecordAsync(string callSid, Guid notificationId, string status, DateTime now, CancellationToken cancellationToken);

    Task<VoiceCall?> FindAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>The carrier's latest status of the call, and what answered when it says.</summary>
    Task UpdateStatusAsync(string callSid, string status, string? answeredBy, DateTime now, CancellationToken cancellationToken);

    /// <summary>Writes the patient's answer once; true when this call wrote it.</summary>
    Task<bool> RecordAnswerAsync(string callSid, string answer, DateTime now, CancellationToken cancellationToken);

    /// <summary>The calls of a row that ended unanswered and were followed by another attempt.</summary>
    Task<IReadOnlySet<string>> RetriedCallsAsync(Guid notificationId, CancellationToken cancellationToken);

    /// <summary>Ends the row with the call's outcome, forward only; true when it moved.</summary>
    Task<bool> FinishAsync(Guid notificationId, string callSid, string status, string? error, DateTime now, CancellationToken cancellationToken);

    /// <summary>Sends the row back to pending for <paramref name="at"/> after an unanswered call (counted as an attempt); true when it moved.</summary>
    Task<bool> RetryAsync(Guid notificationId, string callSid, DateTime at, string error, DateTime now, CancellationToken cancellationToken);

    /// <summary>The appointment a reminder (<c>appointment_reminder</c>) is about, or null.</summary>
    Task<Guid?> AppointmentOfReminderAsync(Guid reminderId, CancellationToken cancellationToken);
}
