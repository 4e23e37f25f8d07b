using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Calls;
using CallCenter.Core.Common;
using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Voice;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// Fires one claimed callback: outside the patient's calling hours it waits for the next window; agent-first it joins
/// the router's line (an agent with the skill is offered it, with its reason, and dials from the desk on accept);
/// customer-first the patient is dialled now (one attempt, answering machine detection on).
/// </summary>
public sealed partial class CallbackDialer(
    ICallbackRepository callbacks,
    CallbackAttempts attempts,
    ICallingHours hours,
    CallbackLinks links,
    DialPolicy dialPolicy,
    IAuditLog audit,
    TwilioRestClientFactory twilio,
    ICallRepository calls,
    IRoutingSignal routing,
    IOptions<CallbackOptions> options,
    IOptions<DeskVoiceOptions> voice,
    TimeProvider time,
    ILogger<CallbackDialer> logger)
{
    // No window within a month (every day a holiday): look again tomorrow rather than never.
    private static readonly TimeSpan NoWindowRetry = TimeSpan.FromDays(1);

    public async Task<CallbackFiring> FireAsync(Callback claimed, Guid token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var now = time.GetUtcNow().UtcDateTime;
        var opens = hours.NextAllowed(now, claimed.PatientTimeZone);
        if (opens is null || opens > now)
        {
            var dueAt = opens ?? now + NoWindowRetry;
            var deferred = await callbacks.ReleaseAsync(claimed.Id, token, CallbackStatuses.Scheduled, dueAt, now, cancellationToken);
            LogDeferred(logger, claimed.Id, dueAt);
            return deferred ? CallbackFiring.Deferred : CallbackFiring.Lost;
        }

        if (claimed.CallbackMode != CallbackModes.CustomerFirst)
        {
            if (!await callbacks.ReleaseAsync(claimed.Id, token, CallbackStatuses.Requested, null, now, cancellationToken))
            {
                return CallbackFiring.Lost;
            }

            routing.Wake();
            return CallbackFiring.Offered;
        }

        return await DialPatientAsync(claimed, token, now, cancellationToken);
    }

    private async Task<CallbackFiring> DialPatientAsync(Callback claimed, Guid token, DateTime now, CancellationToken cancellationToken)
    {
        if (!await callbacks.StartDialAsync(claimed.Id, token, now, cancellationToken))
        {
            return CallbackFiring.Lost;
        }

        var attempt = claimed.Attempts + 1;
        var dialling = claimed with { Status = CallbackStatuses.Dialling, Attempts = attempt };
        if (!dialPolicy.Allows(claimed.Number, out var reason))
        {
            // Scheduled before the rule (or the rule since narrowed): refused at the last moment too, on the record.
            LogDialRefused(logger, claimed.Id, attempt, reason);
            await audit.WriteAsync(Actor.System, "callbacks.dial", claimed.PatientId, AuditOutcomes.Denied, $"callback {claimed.Id} to {claimed.Number}: {reason}", cancellationToken);
            await attempts.EndAsync(dialling, attempt, CallbackOutcomes.Failed, cancellationToken);
            return CallbackFiring.Dialled;
        }

        try
        {
            var placed = await twilio.Create().CreateCallAsync(
                new CreateCallRequest
                {
                    To = claimed.Number,
                    From = await CallerIdAsync(claimed, cancellationToken),
                    Url = links.Answer(claimed.Id, attempt, claimed.Language),
                    StatusCallback = links.Status(claimed.Id, attempt),
                    MachineDetection = MachineDetection.Enable,
                    Timeout = options.Value.RingSeconds,
                },
                cancellationToken);
            await callbacks.RecordDialAsync(claimed.Id, attempt, placed.Sid, cancellationToken);
            LogDialled(logger, claimed.Id, attempt, placed.Sid);
            return CallbackFiring.Dialled;
        }
        catch (Exception ex) when (CarrierFailure.Is(ex, cancellationToken) || ex is ArgumentException)
        {
            LogDialFailed(logger, claimed.Id, attempt, ex);
            await attempts.EndAsync(dialling, attempt, CallbackOutcomes.Failed, cancellationToken);
            return CallbackFiring.Dialled;
        }
    }

    /// <summary>The hotline (DeskVoice:HotlineNumber), else the number the patient first called, else (as the desk does) the patient's own number: set the hotline with a real carrier.</summary>
    private async Task<string> CallerIdAsync(Callback callback, CancellationToken cancellationToken) =>
        voice.Value.HotlineNumber is { Length: > 0 } hotline ? hotline
        : await calls.FindBySidAsync(callback.CallSid, cancellationToken) is { Direction: CallService.InboundDirection } call ? call.ToNumber
        : callback.Number;

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId} outside calling hours: due again at {DueAt:o}")]
    private static partial void LogDeferred(ILogger logger, Guid callbackId, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId} attempt {Attempt} placed call {CallSid}")]
    private static partial void LogDialled(ILogger logger, Guid callbackId, int attempt, string callSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CallbackId} attempt {Attempt} not dialled: the number {Reason}")]
    private static partial void LogDialRefused(ILogger logger, Guid callbackId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CallbackId} attempt {Attempt}: the carrier did not place the call")]
    private static partial void LogDialFailed(ILogger logger, Guid callbackId, int attempt, Exception exception);
}
