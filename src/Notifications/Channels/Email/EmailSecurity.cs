namespace Notifications.Channels.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
internal enum EmailSecurity
{
    /// <summary>Plain SMTP; only for a relay on the same host or a trusted network.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS before anything else; refused if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    SslOnConnect,
}
