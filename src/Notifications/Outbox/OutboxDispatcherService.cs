using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Notifications.Outbox;

/// <summary>
/// Runs the dispatcher in the background: a pass whenever a row is enqueued in this process, else every poll
/// interval; back to back while passes find work. <see cref="OutboxOptions.Workers"/> loops run at once, so that one
/// batch's database writes overlap another's sends (their claims never overlap). Stops between rows on shutdown (a claimed row not finished is taken
/// back after its lease, and the carrier asked first).
/// </summary>
internal sealed partial class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.DispatcherEnabled)
        {
            LogDisabled(logger);
            return;
        }

        await Task.WhenAll(Enumerable.Range(0, options.CurrentValue.Workers).Select(_ => LoopAsync(stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
            }

            if (claimed > 0)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The notification dispatcher is off in this process (Notifications:Outbox:DispatcherEnabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification dispatch pass failed; the next poll tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
