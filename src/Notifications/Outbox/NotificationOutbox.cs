using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Notifications.Templates;

namespace Notifications.Outbox;

internal sealed class NotificationOutbox(
    INotificationRepository notifications,
    ITemplateRepository templates,
    IDbConnectionFactory db,
    PhoneNumberNormalizer phones,
    OutboxSignal signal,
    TimeProvider time) : INotificationOutbox
{
    public const int MaxSmsLength = 1600;

    public async Task<Guid> EnqueueAsync(DbTransaction transaction, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(message);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction is no longer open.", nameof(transaction));
        var now = time.GetUtcNow().UtcDateTime;
        var recipient = Check(message);
        var (subject, body) = (message.Subject, message.Body);
        string? templateKey = null;
        if (body is null)
        {
            var template = await templates.FindAsync(connection, transaction, message.Purpose, message.Channel, message.Language, cancellationToken)
                ?? throw new InvalidOperationException($"No {message.Channel} template for {message.Purpose} in {message.Language}.");
            body = TemplateText.Render(template.Body, message.Variables);
            subject = template.Subject is null ? null : TemplateText.Render(template.Subject, message.Variables);
            templateKey = $"{template.Purpose}/{template.Channel}";
        }

        if (message.Channel == NotificationChannels.Sms && body.Length > MaxSmsLength)
        {
            throw new ArgumentException($"An SMS is at most {MaxSmsLength} characters; this one has {body.Length}.", nameof(message));
        }

        var due = Utc(message.DueAt) ?? now;
        var row = new Notification
        {
            Id = Ids.New(time),
            PatientId = message.PatientId,
            Channel = message.Channel,
            Purpose = message.Purpose,
            TemplateKey = templateKey,
            Language = message.Language,
            Subject = subject,
            Body = body,
            Recipient = recipient,
            Correlation = message.Correlation,
            Urgent = message.Urgent,
            Status = NotificationStatuses.Pending,
            DueAt = due,
            ExpiresAt = Utc(message.ExpiresAt),
            NextAttemptAt = due,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await notifications.InsertAsync(connection, transaction, row, cancellationToken);

        // Woken before the caller commits: the dispatcher may look too early, and then finds the row on its next poll.
        signal.Wake();
        return row.Id;
    }

    public async Task<Guid> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await EnqueueAsync(transaction, message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
        return id;
    }

    public Task<int> WithdrawAsync(DbTransaction transaction, string correlation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(correlation);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction is no longer open.", nameof(transaction));
        return notifications.CancelAsync(connection, transaction, correlation, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public async Task<int> WithdrawAsync(string correlation, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cancelled = await WithdrawAsync(transaction, correlation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cancelled;
    }

    public Task<int> RescheduleAsync(DbTransaction transaction, string correlation, DateTime dueAt, DateTime? expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(correlation);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction is no longer open.", nameof(transaction));
        signal.Wake();
        return notifications.RescheduleAsync(connection, transaction, correlation, Utc(dueAt)!.Value, Utc(expiresAt), time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    // Programmer errors, not user input: a caller that builds a bad message is told at once, by name.
    private string Check(OutboundMessage message)
    {
        if (!NotificationChannels.All.Contains(message.Channel))
        {
            throw new ArgumentException($"Channel must be one of {string.Join(", ", NotificationChannels.All)}.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.Purpose) || message.Purpose.Length > 40)
        {
            throw new ArgumentException("Purpose is required (at most 40 characters).", nameof(message));
        }

        if (!TemplateService.Languages.Contains(message.Language))
        {
            throw new ArgumentException($"Language must be one of {string.Join(", ", TemplateService.Languages)}.", nameof(message));
        }

        if (message.Correlation is { Length: > 100 })
        {
            throw new ArgumentException("Correlation is at most 100 characters.", nameof(message));
        }

        if (message.ExpiresAt is { } expires && expires <= (Utc(message.DueAt) ?? time.GetUtcNow().UtcDateTime))
        {
            throw new ArgumentException("ExpiresAt must be after the due time.", nameof(message));
        }

        if (message.Channel is NotificationChannels.Sms or NotificationChannels.Voice)
        {
            return phones.TryNormalize(message.Recipient, out var e164, out var reason)
                ? e164
                : throw new ArgumentException($"Recipient is not a phone number: {reason}.", nameof(message));
        }

        return string.IsNullOrWhiteSpace(message.Recipient) || message.Recipient.Length > 320 || !message.Recipient.Contains('@', StringComparison.Ordinal)
            ? throw new ArgumentException("Recipient is not an email address.", nameof(message))
            : message.Recipient.Trim();
    }

    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        { } v => v.ToUniversalTime(),
    };
}
