using CallCenter.Core.Reminders;
using Microsoft.Extensions.Logging;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Reminders;

/// <summary>
/// Expires waitlist offers whose window has passed and offers the places still free to the next patients waiting,
/// every minute. Idempotent: a second run finds nothing lapsed.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class WaitlistOfferExpiryJob(ReminderRuns runs, TimeProvider time, ILogger<WaitlistOfferExpiryJob> logger) : IJob
{
    public static readonly JobKey Key = new("waitlist-offer-expiry", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 1);
        var expired = await runs.ExpireOffersAsync(cancellationToken);
        progress.Report(1, $"expired {expired}");
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Expired} waitlist offers")]
    private static partial void LogExpired(ILogger logger, int expired);
}
