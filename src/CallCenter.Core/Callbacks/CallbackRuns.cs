using CallCenter.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// One run of the callback job: claims due callbacks a batch at a time (one conditional update a batch, so two runs or
/// two hub processes never take the same one) and fires each it won, until none is due.
/// </summary>
public sealed partial class CallbackRuns(
    ICallbackRepository callbacks,
    CallbackDialer dialer,
    IOptions<CallbackOptions> options,
    TimeProvider time,
    ILogger<CallbackRuns> logger)
{
    // A run ends after this many batches even if more keep coming due; the next run goes on.
    private const int MaxBatches = 100;

    public async Task<CallbackRunResult> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var result = new CallbackRunResult();
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var staleBefore = now - options.Value.ClaimLease;
            var token = Ids.New(time);
            if (await callbacks.ClaimDueAsync(token, now, staleBefore, options.Value.BatchSize, cancellationToken) == 0)
            {
                // None due, or every one went to another claimer: it fires them.
                break;
            }

            foreach (var claimed in await callbacks.ClaimedAsync(token, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    result.Add(await dialer.FireAsync(claimed, token, cancellationToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Left claimed: its lease runs out and a later run takes it again.
                    LogFireFailed(logger, claimed.Id, ex);
                }
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing callback {CallbackId} failed; it is taken again when its claim lapses")]
    private static partial void LogFireFailed(ILogger logger, Guid callbackId, Exception exception);
}
