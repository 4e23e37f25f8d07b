using CallCenter.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Notifications.Rules;

namespace Notifications.Outbox;

/// <summary>
/// One pass over the due rows: claim a batch (a conditional update, safe with other dispatchers in this and other
/// processes), then for each row: if an earlier attempt's outcome is unknown, ask the carrier first (found: recorded,
/// not sent again); check the rules now; take a token from the sender's rate; send; record what the carrier said.
/// </summary>
internal sealed partial class OutboxDispatcher(
    INotificationRepository notifications,
    IEnumerable<INotificationChannel> channels,
    SendRules rules,
    SendRateLimiter rate,
    IRecipientSuppressions suppressions,
    OutboxTimeline timeline,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<string, INotificationChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Claims and handles one batch; the number of rows claimed (0: nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = Now();
        var claimed = await notifications.ClaimDueAsync(Guid.NewGuid(), now, now + settings.Lease, settings.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (row, token) =>
            {
                try
                {
                    await HandleAsync(row, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The row stays claimed until its lease runs out, then it is taken back and the carrier asked first.
                    LogHandleFailed(logger, row.Id, ex);
                }
            });
        return claimed.Count;
    }

    private async Task HandleAsync(Notification row, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!_channels.TryGetValue(row.Channel, out var channel))
        {
            await FailOrRetryAsync(row, "no-channel:" + row.Channel, checkCarrier: false, settings, cancellationToken);
            return;
        }

        var message = new ChannelMessage(row.Id, row.Channel, row.Purpose, row.Recipient, row.Subject, row.Body, row.Language, row.PatientId);
        if (row.CheckCarrier && await FoundAtCarrierAsync(row, channel, message, settings, cancellationToken))
        {
            return;
        }

        var now = Now();
        var decision = await rules.CheckAsync(row, now, cancellationToken);
        switch (decision.Verdict)
        {
            case RuleVerdict.Never:
                await notifications.FinishAsync(row, decision.Status!, decision.Reason, countAttempt: false, now, cancellationToken);
                LogDropped(logger, row.Id, decision.Status!, decision.Reason);
                return;
            case RuleVerdict.Defer:
                await notifications.DeferAsync(row, decision.Until!.Value, decision.Reason, now, cancellationToken);
                return;
        }

        var sender = channel.Name + ":" + channel.SenderOf(message);
        var (perSecond, burst) = channel.SendRate;
        if (rate.TryTake(sender, perSecond, burst) is { } wait)
        {
            await notifications.DeferAsync(row, now + wait, "rate", now, cancellationToken);
            return;
        }

        var result = await channel.SendAsync(message, cancellationToken);
        now = Now();
        switch (result.Outcome)
        {
            case ChannelOutcome.Accepted:
                await RecordAcceptedAsync(row, result.CarrierId!, result.CarrierStatus ?? NotificationStatuses.Queued, countAttempt: true, cancellationToken);
                break;
            case ChannelOutcome.Throttled:
                var retryAfter = result.RetryAfter is { } after && after > TimeSpan.Zero ? after : settings.ThrottleDelay;
                rate.BackOff(sender, retryAfter);
                await notifications.DeferAsync(row, now + retryAfter, "throttled", now, cancellationToken);
                break;
            case ChannelOutcome.OptedOut:
                await suppressions.SuppressAsync(row.Channel, row.Recipient, "carrier " + result.Error, cancellationToken);
                await notifications.FinishAsync(row, NotificationStatuses.Suppressed, "opted-out at carrier (" + result.Error + ")", countAttempt: true, now, cancellationToken);
                break;
            case ChannelOutcome.Rejected:
                await notifications.FinishAsync(row, NotificationStatuses.Failed, result.Error, countAttempt: true, now, cancellationToken);
                LogDropped(logger, row.Id, NotificationStatuses.Failed, result.Error);
                break;
            default:
                await FailOrRetryAsync(row, result.Error ?? "error", result.Outcome == ChannelOutcome.Unknown, settings, cancellationToken);
                break;
        }
    }

    // The previous sender's outcome is unknown: a message the carrier has (same recipient and text, not yet another
    // row's) is this row's, recorded without sending again. A failed question is an attempt, asked again later.
    private async Task<bool> FoundAtCarrierAsync(Notification row, INotificationChannel channel, ChannelMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? found;
        try
        {
            found = await channel.FindAcceptedAsync(message, row.FirstAttemptAt ?? row.CreatedAt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLookupFailed(logger, row.Id, ex.GetType().Name);
            await FailOrRetryAsync(row, "carrier-lookup-failed", checkCarrier: true, settings, cancellationToken);
            return true;
        }

        foreach (var carrierId in found ?? [])
        {
            if (!await notifications.CarrierIdInUseAsync(carrierId, cancellationToken))
            {
                LogFoundAtCarrier(logger, row.Id, carrierId);
                await RecordAcceptedAsync(row, carrierId, NotificationStatuses.Queued, countAttempt: false, cancellationToken);
                return true;
            }
        }

        return false;
    }

    private async Task RecordAcceptedAsync(Notification row, string carrierId, string status, bool countAttempt, CancellationToken cancellationToken)
    {
        var now = Now();
        if (!await notifications.AcceptedAsync(row, carrierId, status, countAttempt, now, cancellationToken))
        {
            // Our lease ran out and another dispatcher has the row: it asks the carrier and finds this message.
            LogLeaseLost(logger, row.Id, carrierId);
            return;
        }

        LogAccepted(logger, row.Id, row.Channel, carrierId);
        await timeline.SentAsync(row, carrierId, cancellationToken);
        // A callback that came before the row knew its carrier id found nothing to move: catch up from the message record.
        await timeline.CatchUpAsync(row, carrierId, cancellationToken);
    }

    private async Task FailOrRetryAsync(Notification row, string error, bool checkCarrier, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = Now();
        var attempts = row.Attempts + 1;
        if (attempts >= settings.MaxAttempts)
        {
            await notifications.FinishAsync(row, NotificationStatuses.Failed, error, countAttempt: true, now, cancellationToken);
            LogDropped(logger, row.Id, NotificationStatuses.Failed, error);
            return;
        }

        var backoff = settings.RetryBaseDelay * Math.Pow(2, attempts - 1);
        var delay = backoff > settings.RetryMaxDelay ? settings.RetryMaxDelay : backoff;
        await notifications.RetryAsync(row, now + delay, error, checkCarrier, now, cancellationToken);
        LogRetry(logger, row.Id, attempts, error, delay.TotalSeconds);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} ({Channel}) accepted by the carrier as {CarrierId}")]
    private static partial void LogAccepted(ILogger logger, Guid notificationId, string channel, string carrierId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} was already at the carrier as {CarrierId}: recorded, not sent again")]
    private static partial void LogFoundAtCarrier(ILogger logger, Guid notificationId, string carrierId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} not sent: {Status} ({Reason})")]
    private static partial void LogDropped(ILogger logger, Guid notificationId, string status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} attempt {Attempt} failed ({Error}); retry in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, Guid notificationId, int attempt, string error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId}: the carrier could not be asked ({Error})")]
    private static partial void LogLookupFailed(ILogger logger, Guid notificationId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} sent as {CarrierId} after its lease ran out; the dispatcher that took it over records it")]
    private static partial void LogLeaseLost(ILogger logger, Guid notificationId, string carrierId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} could not be handled; it is taken back when its lease runs out")]
    private static partial void LogHandleFailed(ILogger logger, Guid notificationId, Exception exception);
}
