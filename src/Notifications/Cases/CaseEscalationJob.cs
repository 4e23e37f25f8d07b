using System.Globalization;
using System.Text;
using CallCenter.Core.Cases;
using CallCenter.Core.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Jobs;
using Notifications.Outbox;
using Quartz;

namespace Notifications.Cases;

/// <summary>
/// Every minute: each active complaint case past its first-response or resolution due time, not yet escalated for
/// that breach, is marked escalated and an email to <c>Cases:EscalationTo</c> is written to the notification outbox in
/// the same transaction. The mark is a conditional update, so each breach is emailed exactly once, whichever process
/// or run gets there first; the outbox sends (and retries) the email. The email names the case, never the patient.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class CaseEscalationJob(
    ICaseRepository cases,
    IDbConnectionFactory db,
    INotificationOutbox outbox,
    IOptionsMonitor<CaseOptions> options,
    TimeProvider time,
    ILogger<CaseEscalationJob> logger) : IJob
{
    public static readonly JobKey Key = new("case-escalation", "cases");

    /// <summary>The outbox purpose of escalation emails (staff only: no consent; quiet hours per <c>Notifications:Rules:ByPurpose</c>).</summary>
    public const string Purpose = "case-escalation";

    /// <summary>Breaches handled per run; the rest wait a minute.</summary>
    public const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalated = await RunOnceAsync(cancellationToken);
        context.Result = escalated;
    }

    /// <summary>One pass; the number of breaches escalated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var recipients = options.CurrentValue.EscalationTo;
        var now = time.GetUtcNow().UtcDateTime;
        var breaches = await cases.BreachesAsync(now, BatchSize, cancellationToken);
        if (breaches.Count == 0)
        {
            return 0;
        }

        if (recipients.Count == 0)
        {
            // Left unmarked: once someone is configured, the breaches still waiting are escalated.
            LogNoRecipients(logger, breaches.Count);
            return 0;
        }

        var escalated = 0;
        foreach (var breach in breaches)
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await cases.TryMarkEscalatedAsync(transaction, breach, now, cancellationToken))
            {
                continue; // Another run got there first, or the case moved on.
            }

            var (subject, body) = Compose(breach, options.CurrentValue.CaseLinkBase);
            foreach (var to in recipients)
            {
                await outbox.EnqueueAsync(transaction, new OutboundMessage
                {
                    Channel = NotificationChannels.Email,
                    Purpose = Purpose,
                    Recipient = to,
                    Subject = subject,
                    Body = body,
                    Correlation = $"case:{breach.CaseId}",
                }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogEscalated(logger, breach.CaseId, breach.Breach, recipients.Count);
            escalated++;
        }

        return escalated;
    }

    /// <summary>The email: what was missed, by when, and the case's facts (no patient data).</summary>
    public static (string Subject, string Body) Compose(CaseBreach breach, string? linkBase)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var what = breach.Breach == CaseBreaches.FirstResponse ? "首次响应超时 first response overdue" : "处理超时 resolution overdue";
        var subject = $"投诉升级 Complaint case {what} ({breach.Severity})";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Complaint case {breach.CaseId} has missed its {breach.Breach} due time.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Due: {breach.DueAt:yyyy-MM-dd HH:mm} UTC\n")
            .Append(CultureInfo.InvariantCulture, $"Opened: {breach.CreatedAt:yyyy-MM-dd HH:mm} UTC\n")
            .Append(CultureInfo.InvariantCulture, $"Severity: {breach.Severity}\n")
            .Append(CultureInfo.InvariantCulture, $"Category: {breach.Category}\n")
            .Append(CultureInfo.InvariantCulture, $"Status: {breach.Status}\n")
            .Append(CultureInfo.InvariantCulture, $"Department: {breach.DepartmentName ?? "-"}\n")
            .Append(CultureInfo.InvariantCulture, $"Owner: {breach.OwnerName ?? "nobody"}\n");
        if (!string.IsNullOrWhiteSpace(linkBase))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{linkBase.TrimEnd('/')}/{breach.CaseId}\n");
        }

        return (subject, text.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint case {CaseId} escalated for {Breach} to {Recipients} recipients")]
    private static partial void LogEscalated(ILogger logger, Guid caseId, string breach, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Breaches} complaint case breaches wait for escalation: Cases:EscalationTo is empty")]
    private static partial void LogNoRecipients(ILogger logger, int breaches);
}
