using CallCenter.Core.Wallboard.Alerts;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// Runs the alert check every <c>Wallboard:AlertCheckSeconds</c> on every hub node; the check's conditional updates
/// make a crossing raise once however many nodes look. A failed pass is logged and the next one tries again.
/// </summary>
internal sealed partial class WallboardAlertWorker(
    WallboardAlertCheck check,
    IOptionsMonitor<WallboardAlertOptions> options,
    TimeProvider time,
    ILogger<WallboardAlertWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && options.CurrentValue.AlertCheckSeconds > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.AlertCheckSeconds), time, stoppingToken);
                await check.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "The wallboard alert check failed; the next pass tries again")]
    private partial void LogFailed(Exception exception);
}
