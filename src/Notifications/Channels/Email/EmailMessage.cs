namespace Notifications.Channels.Email;

/// <summary>
/// One email: a recipient, a subject and a plain-text body, with an optional HTML alternative (mail clients show
/// one of the two) and attachments. Any text may be UTF-8 (Chinese included).
/// </summary>
internal sealed record EmailMessage
{
    public required string To { get; init; }

    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
