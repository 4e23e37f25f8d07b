using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>
/// One pass of the alert check: reads the board, and for each queue figure whose level differs from the stored one
/// moves the stored level with a conditional update. Only the check whose update changed the row raises the alert
/// (history row, and for a crossing up the email, in the same transaction), so two hub nodes, or a hub restarted
/// mid-crossing, raise each crossing once. After the commit the listeners (the supervisors' desks) are told.
/// </summary>
public sealed partial class WallboardAlertCheck(
    IWallboardBoard board,
    IWallboardAlertRepository alerts,
    IWallboardAlertMailer mailer,
    IEnumerable<IWallboardAlertListener> listeners,
    IDbConnectionFactory db,
    IOptionsMonitor<WallboardAlertOptions> options,
    TimeProvider time,
    ILogger<WallboardAlertCheck> logger)
{
    /// <summary>One pass; the alerts this pass raised (those another node raised first are not among them).</summary>
    public async Task<IReadOnlyList<WallboardAlertRecord>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await board.CurrentAsync(cancellationToken);
        var stored = await alerts.LevelsAsync(cancellationToken);
        var crossings = AlertCrossings.Find(snapshot, stored);
        if (crossings.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var recipients = settings.AlertEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        var raised = new List<WallboardAlertRecord>();
        foreach (var crossing in crossings)
        {
            if (!stored.Any(s => s.Queue == crossing.Queue && s.Metric == crossing.Metric))
            {
                await alerts.EnsureAsync(crossing.Queue, crossing.Metric, now, cancellationToken);
            }

            await using var connection = await db.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await alerts.TryMoveAsync(transaction, crossing.Queue, crossing.Metric, crossing.Previous, crossing.Level, now, cancellationToken))
            {
                continue; // Another node (or an earlier pass) moved it: that one raised the alert.
            }

            var emailed = crossing.IsUp && recipients.Count > 0
                && await alerts.TryClaimEmailAsync(transaction, crossing.Queue, crossing.Metric, crossing.Level, now, now.AddMinutes(-settings.AlertEmailMinutes), cancellationToken);
            var alert = new WallboardAlert(crossing.Queue, crossing.Metric, crossing.Level, crossing.Previous, crossing.Value, crossing.Threshold, now);
            var record = new WallboardAlertRecord(Ids.New(time), alert, crossing.QueueDisplayName, emailed);
            await alerts.AddAsync(transaction, record, cancellationToken);
            if (emailed)
            {
                await mailer.EnqueueAsync(transaction, alert, crossing.QueueDisplayName, recipients, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogRaised(logger, crossing.Queue, crossing.Metric, crossing.Previous, crossing.Level, emailed);
            raised.Add(record);
        }

        foreach (var record in raised)
        {
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.AlertRaisedAsync(record, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The alert is stored (and emailed); a desk that missed the push sees it in GET /api/wallboard/alerts.
                    LogPushFailed(logger, ex, record.Id);
                }
            }
        }

        return raised;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wallboard alert: queue {Queue} {Metric} went from {Previous} to {Level} (emailed: {Emailed})")]
    private static partial void LogRaised(ILogger logger, string queue, string metric, ThresholdLevel previous, ThresholdLevel level, bool emailed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallboard alert {AlertId} could not be pushed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid alertId);
}
