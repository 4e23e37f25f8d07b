using CallCenter.Core.FollowUps;
using CallCenter.Core.Interactions;
using CallCenter.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// The end of one dial: answered (done), or busy, no answer, an answering machine, failed: due again after the retry
/// delay, or after the last attempt failed with a follow-up task for a person. Each outcome goes on the patient's
/// timeline once: the change is conditional on the attempt, so a repeated webhook changes nothing.
/// </summary>
public sealed partial class CallbackAttempts(
    ICallbackRepository callbacks,
    IInteractionRepository interactions,
    IFollowUpRepository followUps,
    IOptions<CallbackOptions> options,
    TimeProvider time,
    ILogger<CallbackAttempts> logger)
{
    /// <summary>The status callback of attempt <paramref name="attempt"/> reported a final status.</summary>
    public async Task DialEndedAsync(Guid callbackId, int attempt, CallStatus status, string? answeredBy, CancellationToken cancellationToken = default)
    {
        if (await callbacks.FindAsync(callbackId, cancellationToken) is { } callback)
        {
            await EndAsync(callback, attempt, CallbackOutcomes.Of(status, answeredBy), cancellationToken);
        }
    }

    /// <summary>Ends the attempt; false when it was already over.</summary>
    public async Task<bool> EndAsync(Callback callback, int attempt, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var now = time.GetUtcNow().UtcDateTime;
        var max = options.Value.MaxAttempts;
        var (status, dueAt) = outcome == CallbackOutcomes.Answered ? (CallbackStatuses.Done, (DateTime?)null)
            : attempt >= max ? (CallbackStatuses.Failed, null)
            : (CallbackStatuses.Scheduled, now + options.Value.RetryDelay);
        if (!await callbacks.EndAttemptAsync(callback.Id, attempt, outcome, status, dueAt, now, cancellationToken))
        {
            return false;
        }

        LogEnded(logger, callback.Id, attempt, outcome, status);
        if (callback.PatientId is { } patientId)
        {
            var next = status switch
            {
                CallbackStatuses.Scheduled => $"; next attempt {dueAt:yyyy-MM-dd HH:mm} UTC",
                CallbackStatuses.Failed => "; no attempts left, a follow-up task is open",
                _ => string.Empty,
            };
            await interactions.AddAsync(
                new Interaction
                {
                    Id = Ids.New(time),
                    PatientId = patientId,
                    Kind = InteractionKinds.Call,
                    Direction = InteractionDirections.Outbound,
                    OccurredAt = now,
                    Summary = $"Callback attempt {attempt} of {max}: {outcome}{next}",
                },
                cancellationToken);
        }

        if (status == CallbackStatuses.Failed)
        {
            await followUps.AddAsync(
                new FollowUp
                {
                    Id = Ids.New(time),
                    Kind = FollowUpKinds.CallbackFailed,
                    CallSid = callback.CallSid,
                    PatientId = callback.PatientId,
                    CallerNumber = callback.Number,
                    RecordingUrl = string.Empty,
                    Category = callback.QueueName,
                    Language = callback.Language,
                    Status = FollowUpStatuses.Open,
                    CreatedAt = now,
                },
                cancellationToken);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId} attempt {Attempt}: {Outcome}, now {Status}")]
    private static partial void LogEnded(ILogger logger, Guid callbackId, int attempt, string outcome, string status);
}
