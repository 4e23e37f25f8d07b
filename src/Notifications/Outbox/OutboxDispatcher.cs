using System.Diagnostics;
using CallCenter.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Notifications.Rules;

namespace Notifications.Outbox;

/// <summary>
/// One pass over the due rows, a batch at a time so that the database is asked a few times a batch, not a few times
/// a message: claim a batch (one conditional update, safe with other dispatchers in this and other processes); read
/// the rules' facts for the whole batch; then for each row, at once up to the concurrency: if an earlier attempt's
/// outcome is unknown, ask the carrier first (found: recorded, not sent again); check the rules; take a token from
/// the sender's rate; send. All outcomes are written in one transaction with their timeline entries, then statuses
/// that raced them are caught up. A crash before that write leaves the rows claimed: when the lease runs out they
/// are taken back and the carrier is asked before anything is sent again.
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
        var started = Stopwatch.GetTimestamp();
        var now = Now();
        var claimToken = Guid.NewGuid();
        var claimed = await notifications.ClaimDueAsync(claimToken, now, now + settings.Lease, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var phases = new PassPhases(Stopwatch.GetElapsedTime(started));
        var facts = await rules.ReadFactsAsync(claimToken, claimed, now, cancellationToken);
        phases.FactsRead = Stopwatch.GetElapsedTime(started);
        var outcomes = new DispatchOutcome?[claimed.Count];
        await Parallel.ForAsync(
            0,
            claimed.Count,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    outcomes[index] = await HandleAsync(claimed[index], facts, settings, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // No outcome: the row stays claimed until its lease runs out, then it is taken back and the carrier asked first.
                    LogHandleFailed(logger, claimed[index].Id, ex);
                }
            });

        phases.Sent = Stopwatch.GetElapsedTime(started);
        var handled = outcomes.OfType<DispatchOutcome>().ToList();
        var recorded = await notifications.RecordAsync(handled, timeline.SentEntry, Now(), cancellationToken);
        await timeline.CatchUpAsync(claimToken, cancellationToken);
        phases.Recorded = Stopwatch.GetElapsedTime(started);
        Summarise(claimed.Count, handled.Count, recorded, phases);
        return claimed.Count;
    }

    private async Task<DispatchOutcome> HandleAsync(Notification row, SendFacts facts, OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(row.Channel, out var channel))
        {
            return FailOrRetry(row, "no-channel:" + row.Channel, checkCarrier: false, settings);
        }

        var message = new ChannelMessage(row.Id, row.Channel, row.Purpose, row.Recipient, row.Subject, row.Body, row.Language, row.PatientId);
        if (row.CheckCarrier && await AskCarrierAsync(row, channel, message, settings, cancellationToken) is { } known)
        {
            return known;
        }

        var now = Now();
        var decision = rules.Check(row, facts, now);
        switch (decision.Verdict)
        {
            case RuleVerdict.Never:
                LogDropped(logger, row.Id, decision.Status!, decision.Reason);
                return DispatchOutcome.Ended(row, decision.Status!, decision.Reason, countAttempt: false);
            case RuleVerdict.Defer:
                return DispatchOutcome.Deferred(row, decision.Until!.Value, decision.Reason);
        }

        var sender = channel.Name + ":" + channel.SenderOf(message);
        var (perSecond, burst) = channel.SendRate;
        if (rate.TryTake(sender, perSecond, burst) is { } wait)
        {
            return DispatchOutcome.Deferred(row, now + wait, "rate");
        }

        var result = await channel.SendAsync(message, cancellationToken);
        switch (result.Outcome)
        {
            case ChannelOutcome.Accepted:
                LogAccepted(logger, row.Id, row.Channel, result.CarrierId!);
                return DispatchOutcome.Accepted(row, result.CarrierId!, result.CarrierStatus ?? NotificationStatuses.Queued, countAttempt: true);
            case ChannelOutcome.Throttled:
                var retryAfter = result.RetryAfter is { } after && after > TimeSpan.Zero ? after : settings.ThrottleDelay;
                rate.BackOff(sender, retryAfter);
                return DispatchOutcome.Deferred(row, Now() + retryAfter, "throttled");
            case ChannelOutcome.OptedOut:
                await suppressions.SuppressAsync(row.Channel, row.Recipient, "carrier " + result.Error, cancellationToken);
                return DispatchOutcome.Ended(row, NotificationStatuses.Suppressed, "opted-out at carrier (" + result.Error + ")", countAttempt: true);
            case ChannelOutcome.Rejected:
                LogDropped(logger, row.Id, NotificationStatuses.Failed, result.Error);
                return DispatchOutcome.Ended(row, NotificationStatuses.Failed, result.Error, countAttempt: true);
            default:
                return FailOrRetry(row, result.Error ?? "error", result.Outcome == ChannelOutcome.Unknown, settings);
        }
    }

    // The previous sender's outcome is unknown: a message the carrier has (same recipient and text, not yet another
    // row's) is this row's, recorded without sending again. A failed question is an attempt, asked again later.
    private async Task<DispatchOutcome?> AskCarrierAsync(Notification row, INotificationChannel channel, ChannelMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? found;
        try
        {
            found = await channel.FindAcceptedAsync(message, row.FirstAttemptAt ?? row.CreatedAt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLookupFailed(logger, row.Id, ex.GetType().Name);
            return FailOrRetry(row, "carrier-lookup-failed", checkCarrier: true, settings);
        }

        foreach (var carrierId in found ?? [])
        {
            if (!await notifications.CarrierIdInUseAsync(carrierId, cancellationToken))
            {
                LogFoundAtCarrier(logger, row.Id, carrierId);
                return DispatchOutcome.Accepted(row, carrierId, NotificationStatuses.Queued, countAttempt: false);
            }
        }

        return null;
    }

    private DispatchOutcome FailOrRetry(Notification row, string error, bool checkCarrier, OutboxOptions settings)
    {
        var attempts = row.Attempts + 1;
        if (attempts >= settings.MaxAttempts)
        {
            LogDropped(logger, row.Id, NotificationStatuses.Failed, error);
            return DispatchOutcome.Ended(row, NotificationStatuses.Failed, error, countAttempt: true);
        }

        var backoff = settings.RetryBaseDelay * Math.Pow(2, attempts - 1);
        var delay = backoff > settings.RetryMaxDelay ? settings.RetryMaxDelay : backoff;
        LogRetry(logger, row.Id, attempts, error, delay.TotalSeconds);
        return DispatchOutcome.Retry(row, Now() + delay, error, checkCarrier);
    }

    private void Summarise(int claimed, int handled, IReadOnlyList<DispatchOutcome> recorded, PassPhases phases)
    {
        int Count(DispatchOutcomeKind kind) => recorded.Count(o => o.Kind == kind);
        LogPass(logger, claimed, Count(DispatchOutcomeKind.Accepted), Count(DispatchOutcomeKind.Deferred), Count(DispatchOutcomeKind.Retry),
            Count(DispatchOutcomeKind.Ended), claimed - recorded.Count, phases.Recorded.TotalMilliseconds,
            phases.Claimed.TotalMilliseconds, (phases.FactsRead - phases.Claimed).TotalMilliseconds,
            (phases.Sent - phases.FactsRead).TotalMilliseconds, (phases.Recorded - phases.Sent).TotalMilliseconds);
        if (recorded.Count < handled)
        {
            // The lease ran out during the pass and another dispatcher took those rows: it asks the carrier first.
            LogLeaseLost(logger, handled - recorded.Count);
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox pass: {Claimed} claimed, {Accepted} accepted, {Deferred} deferred, {Retried} to retry, {Ended} ended, {Unrecorded} left to their lease, in {ElapsedMs:F0} ms (claim {ClaimMs:F0}, rules' facts {FactsMs:F0}, sending {SendMs:F0}, recording {RecordMs:F0})")]
    private static partial void LogPass(ILogger logger, int claimed, int accepted, int deferred, int retried, int ended, int unrecorded, double elapsedMs,
        double claimMs, double factsMs, double sendMs, double recordMs);

    // When each phase of a pass ended, from its start: where a slow pass spends its time is in its one log line.
    private sealed class PassPhases(TimeSpan claimed)
    {
        public TimeSpan Claimed { get; } = claimed;

        public TimeSpan FactsRead { get; set; }

        public TimeSpan Sent { get; set; }

        public TimeSpan Recorded { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outcomes of an outbox pass were not recorded: their lease ran out and another dispatcher has the rows")]
    private static partial void LogLeaseLost(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {NotificationId} ({Channel}) accepted by the carrier as {CarrierId}")]
    private static partial void LogAccepted(ILogger logger, Guid notificationId, string channel, string carrierId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} was already at the carrier as {CarrierId}: recorded, not sent again")]
    private static partial void LogFoundAtCarrier(ILogger logger, Guid notificationId, string carrierId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} not sent: {Status} ({Reason})")]
    private static partial void LogDropped(ILogger logger, Guid notificationId, string status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} attempt {Attempt} failed ({Error}); retry in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, Guid notificationId, int attempt, string error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId}: the carrier could not be asked ({Error})")]
    private static partial void LogLookupFailed(ILogger logger, Guid notificationId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} could not be handled; it is taken back when its lease runs out")]
    private static partial void LogHandleFailed(ILogger logger, Guid notificationId, Exception exception);
}
