using Twilio.Protocol.Webhooks;

namespace Notifications.Channels.Voice;

/// <summary>
/// The hub's side of an outbox call, for its two webhooks: the answered call's TwiML (the reminder flow), and the
/// call's progress moving the outbox row forward only.
/// </summary>
public interface IVoiceReminderCalls
{
    /// <summary>TwiML for the call the row <paramref name="notificationId"/> placed, now answered (by a person, or a machine per <paramref name="answeredBy"/>).</summary>
    Task<string> AnswerAsync(Guid notificationId, string callSid, string caller, string called, string? answeredBy, CancellationToken cancellationToken);

    /// <summary>Applies a status callback of the call; repeats and late arrivals change nothing.</summary>
    Task StatusAsync(Guid notificationId, CallStatusCallback callback, string? answeredBy, CancellationToken cancellationToken);
}
