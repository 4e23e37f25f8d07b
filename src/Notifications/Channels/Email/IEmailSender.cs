namespace Notifications.Channels.Email;

/// <summary>Sends one email. Never throws for a failed send: the result says whether to retry; only cancellation throws.</summary>
internal interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
