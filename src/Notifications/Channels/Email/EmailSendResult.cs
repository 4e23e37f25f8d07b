namespace Notifications.Channels.Email;

/// <summary>
/// The result of sending one email. <see cref="MessageId"/> is the Message-ID header the hub gave it;
/// <see cref="ServerId"/> is the server's queue id when its answer names one ("queued as X"), else its whole final
/// answer. <see cref="Reason"/> is a short fixed code (never an address or body text); <see cref="SmtpStatus"/> the
/// server's reply code when it gave one.
/// </summary>
internal sealed record EmailSendResult(EmailSendOutcome Outcome, string? MessageId, string? ServerId, string? Reason, int? SmtpStatus)
{
    public bool IsSent => Outcome == EmailSendOutcome.Sent;

    public static EmailSendResult Sent(string messageId, string? serverId) => new(EmailSendOutcome.Sent, messageId, serverId, null, null);

    public static EmailSendResult Transient(string reason, int? smtpStatus = null) => new(EmailSendOutcome.TransientFailure, null, null, reason, smtpStatus);

    public static EmailSendResult Permanent(string reason, int? smtpStatus = null) => new(EmailSendOutcome.PermanentFailure, null, null, reason, smtpStatus);
}
