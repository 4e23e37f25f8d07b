namespace Notifications.Channels.Email;

/// <summary>
/// The SMTP server email leaves by (section <c>Notifications:Email</c>). Email is off while <see cref="Host"/> is empty.
/// A class, not a record, so that printing it never shows the password.
/// </summary>
internal sealed class EmailOptions
{
    public const string SectionName = "Notifications:Email";

    /// <summary>The SMTP server; empty means the email channel is not configured.</summary>
    public string? Host { get; set; }

    /// <summary>587 for STARTTLS, 465 for TLS on connect, 25 for a plain relay.</summary>
    public int Port { get; set; } = 587;

    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>The SMTP login; no AUTH when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP password, from configuration (user secrets, environment) only. Secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The envelope sender and the From header's address.</summary>
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The From header's display name (UTF-8 allowed, e.g. the hospital's name).</summary>
    public string? FromName { get; set; }

    /// <summary>The whole exchange with the server (connect, TLS, AUTH, send) must finish within this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The SHA-256 fingerprint (hex) of a server certificate to trust although no authority vouches for it (a
    /// hospital's internal relay with a self-signed certificate). Empty: the normal chain and name checks only.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
