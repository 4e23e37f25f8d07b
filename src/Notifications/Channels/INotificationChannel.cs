namespace Notifications.Channels;

/// <summary>
/// A way out for outbox rows (sms, email, voice). The dispatcher claims a row, checks the rules, takes a token from
/// the channel's sender (<see cref="SenderOf"/>, <see cref="SendRate"/>) and calls <see cref="SendAsync"/>; it never
/// throws for what the carrier says, it answers a <see cref="ChannelSendResult"/>. Register an implementation as
/// <c>INotificationChannel</c> (singleton) and the dispatcher finds it by <see cref="Name"/>.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The outbox channel it serves (<c>NotificationChannels</c>).</summary>
    string Name { get; }

    /// <summary>Messages per second and burst, per sender.</summary>
    (double PerSecond, int Burst) SendRate { get; }

    /// <summary>Who the message goes out as (a from-number, a messaging service, a mail account): the rate applies per sender.</summary>
    string SenderOf(ChannelMessage message);

    Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// After a send whose outcome is unknown (the sender died, or the connection dropped after the request went out):
    /// the carrier's ids of messages it accepted that match this one (same recipient, sender and text, on or after
    /// <paramref name="attemptedSince"/>), oldest first. Null when the channel cannot ask its carrier; the dispatcher
    /// then sends again (at least once).
    /// </summary>
    Task<IReadOnlyList<string>?> FindAcceptedAsync(ChannelMessage message, DateTime attemptedSince, CancellationToken cancellationToken);
}
