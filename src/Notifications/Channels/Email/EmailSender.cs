using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Notifications.Channels.Email;

/// <summary>
/// The email channel: one SMTP session per message through MailKit, with the settings of <see cref="EmailOptions"/>.
/// A failure is a result, not an exception: 5xx answers and malformed addresses are permanent, everything else
/// (refused connection, timeout, 4xx, TLS or login trouble) is worth trying again. Addresses and bodies are never logged.
/// </summary>
internal sealed partial class EmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            LogFailed(logger, "not-configured", null);
            return EmailSendResult.Transient("not-configured");
        }

        if (!MailboxAddress.TryParse(message.To, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            LogFailed(logger, "invalid-address", null);
            return EmailSendResult.Permanent("invalid-address");
        }

        var mime = Compose(message, to, settings);
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var answer = await SendOverSmtpAsync(mime, settings, linked.Token);
            var serverId = ServerId(answer);
            LogSent(logger, serverId);
            return EmailSendResult.Sent(mime.MessageId ?? string.Empty, serverId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(EmailSendResult.Transient("timeout"));
        }
        catch (SmtpCommandException ex)
        {
            var status = (int)ex.StatusCode;
            var reason = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => "recipient-refused",
                SmtpErrorCode.SenderNotAccepted => "sender-refused",
                _ => "server-refused",
            };
            return Failed(status is >= 500 and < 600 ? EmailSendResult.Permanent(reason, status) : EmailSendResult.Transient(reason, status));
        }
        catch (AuthenticationException)
        {
            // Bad credentials are the hub's settings, not the message: fixed settings send it.
            return Failed(EmailSendResult.Transient("authentication-failed"));
        }
        catch (SslHandshakeException)
        {
            return Failed(EmailSendResult.Transient("tls-failed"));
        }
        catch (NotSupportedException)
        {
            // STARTTLS (or AUTH) required by the settings but not offered by the server.
            return Failed(EmailSendResult.Transient("server-unsupported"));
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
        {
            return Failed(EmailSendResult.Transient("server-unreachable"));
        }
    }

    private static async Task<string> SendOverSmtpAsync(MimeMessage mime, EmailOptions settings, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, settings);
        await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        var answer = await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return answer;
    }

    private static MimeMessage Compose(EmailMessage message, MailboxAddress to, EmailOptions settings)
    {
        if (!string.IsNullOrEmpty(message.ToName))
        {
            to.Name = message.ToName;
        }

        var from = new MailboxAddress(settings.FromName ?? string.Empty, settings.FromAddress);
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(from);
        mime.To.Add(to);
        mime.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions SocketOptions(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown email security mode."),
    };

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, EmailOptions settings)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || settings.TrustedCertificateSha256 is not { Length: > 0 } trusted)
        {
            return false;
        }

        var actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        return string.Equals(actual, EmailOptionsValidator.NormalizeFingerprint(trusted), StringComparison.Ordinal);
    }

    /// <summary>The queue id from a "250 Ok: queued as X" answer, else the whole answer.</summary>
    private static string? ServerId(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var match = QueuedAs().Match(answer);
        return match.Success ? match.Groups["id"].Value : answer.Trim();
    }

    private EmailSendResult Failed(EmailSendResult result)
    {
        LogFailed(logger, result.Reason!, result.SmtpStatus);
        return result;
    }

    [GeneratedRegex(@"queued as (?<id>[A-Za-z0-9._\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex QueuedAs();

    [LoggerMessage(Level = LogLevel.Information, Message = "Email accepted by the SMTP server as {ServerId}")]
    private static partial void LogSent(ILogger logger, string? serverId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email not sent: {Reason} (SMTP status {SmtpStatus})")]
    private static partial void LogFailed(ILogger logger, string reason, int? smtpStatus);
}
