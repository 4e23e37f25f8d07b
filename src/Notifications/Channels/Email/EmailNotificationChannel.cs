using Microsoft.Extensions.Options;
using Notifications.Outbox;

namespace Notifications.Channels.Email;

/// <summary>
/// The outbox's email: one SMTP session per attempt through <see cref="IEmailSender"/>. The server's queue id (else
/// the Message-ID) is the carrier id (the Message-ID when the server names none); a 4xx, a refused connection or a timeout before the message data went out is
/// transient (retried with the outbox's backoff), a 5xx or a malformed address is permanent (failed).
/// An SMTP server cannot be asked afterwards whether it took a message, so there is no carrier lookup
/// (<see cref="FindAcceptedAsync"/> answers null): a send that failed after its data began to go out is not retried
/// (failed, <c>email-outcome-unknown</c>: better one missing email a person looks at than two), while a dispatcher
/// that dies between the server's "250 queued" and recording it sends the email again when its lease runs out
/// (at least once).
/// </summary>
internal sealed class EmailNotificationChannel(IEmailSender sender, IOptions<EmailOptions> options) : INotificationChannel
{
    public string Name => NotificationChannels.Email;

    // SMTP relays take far more than this; the rate keeps one burst of reminders from looking like spam.
    public (double PerSecond, int Burst) SendRate => (10, 20);

    public string SenderOf(ChannelMessage message) => options.Value.FromAddress;

    public async Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.IsConfigured)
        {
            return ChannelSendResult.Transient("email-not-configured");
        }

        var result = await sender.SendAsync(
            new EmailMessage { To = message.Recipient, Subject = message.Subject ?? string.Empty, TextBody = message.Body },
            cancellationToken);
        return result.Outcome switch
        {
            EmailSendOutcome.Sent => ChannelSendResult.Accepted(CarrierId(result), NotificationStatuses.Sent),
            EmailSendOutcome.PermanentFailure => ChannelSendResult.Rejected("smtp-" + (result.SmtpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? result.Reason)),
            EmailSendOutcome.OutcomeUnknown => ChannelSendResult.Rejected("email-outcome-unknown"),
            _ => ChannelSendResult.Transient("smtp-" + (result.SmtpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? result.Reason)),
        };
    }

    // The server's queue id ("queued as X"); a server that answers only "250 OK" gets the Message-ID, unique by construction.
    private static string CarrierId(EmailSendResult result) =>
        result.ServerId is { Length: > 0 } id && !id.Any(char.IsWhiteSpace) ? id : result.MessageId ?? string.Empty;

    /// <summary>Null: an SMTP server has no list to ask, so a row whose earlier attempt was cut off is sent again.</summary>
    public Task<IReadOnlyList<string>?> FindAcceptedAsync(ChannelMessage message, DateTime attemptedSince, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(null);
}
