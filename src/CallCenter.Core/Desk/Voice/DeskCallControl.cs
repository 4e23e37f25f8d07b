using AgentDesk.Contracts;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Calls;
using CallCenter.Core.Common;
using CallCenter.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// The voice path on Twilio (and the simulator, which speaks the same protocol): each action changes the stored
/// call first (so the webhooks it causes find it changed), then redirects the live call with the REST API.
/// </summary>
public sealed partial class DeskCallControl(
    IDeskCallRepository calls,
    TwilioRestClientFactory twilio,
    DeskVoiceLinks links,
    IAgentEndpoints endpoints,
    DeskCallEnder ender,
    IQueueMoves queueMoves,
    ICallRepository callRecords,
    PhoneNumberNormalizer normalizer,
    ICallbackRepository callbacks,
    CallbackLinks callbackLinks,
    CallbackAttempts callbackAttempts,
    IOptions<DeskVoiceOptions> options,
    TimeProvider time,
    ILogger<DeskCallControl> logger) : IDeskCallControl
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<DeskResult> ConnectAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Status != OfferStatus.Accepted || accepted.Kind == WorkKind.Conversation)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "Only an accepted call or callback offer is connected.", "offerId");
        }

        if (await endpoints.FindAsync(accepted.AgentId, cancellationToken) is null)
        {
            return DeskResult.Fail(DeskErrors.NotFound, "The agent has no endpoint to dial.", "agentId");
        }

        return accepted.Kind == WorkKind.Callback
            ? await CallBackAsync(accepted, cancellationToken)
            : await ConnectCallerAsync(accepted, cancellationToken);
    }

    private async Task<DeskResult> ConnectCallerAsync(Offer accepted, CancellationToken cancellationToken)
    {
        if (accepted.CallSid is not { Length: > 0 } callSid)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "The offer has no call.", "offerId");
        }

        if (!await calls.TryStartAsync(NewRow(accepted, callSid), cancellationToken))
        {
            // A repeat of this connect is fine; another agent still on the call is not.
            return await calls.FindByOfferAsync(accepted.Id, cancellationToken) is { HasAgent: true }
                ? DeskResult.Success()
                : DeskResult.Fail(DeskErrors.Conflict, "The call is with another agent.");
        }

        var url = links.Connect(accepted.Id, accepted.AgentId, accepted.QueueName, accepted.Language, leg: 1);
        if (await RedirectAsync(callSid, UpdateCallRequest.RedirectTo(url), cancellationToken) is { } failure)
        {
            // The caller could not be moved to the agent: the agent is released and the caller keeps their place.
            await EndAgentPartAsync(accepted.Id, failure.Gone ? DeskEndReasons.CallerHungUp : DeskEndReasons.Failed, cancellationToken);
            if (!failure.Gone)
            {
                await queueMoves.ReturnAfterMissAsync(callSid, accepted.QueueName, cancellationToken);
            }

            return failure.Result;
        }

        return DeskResult.Success();
    }

    // The patient is called; the connect webhook of that call dials the agent. Its row is written by whichever comes
    // first, this method or the webhook (the carrier may request the call's TwiML before the REST answer arrives).
    private async Task<DeskResult> CallBackAsync(Offer accepted, CancellationToken cancellationToken)
    {
        if (await calls.FindByOfferAsync(accepted.Id, cancellationToken) is { } existing)
        {
            return existing.HasAgent ? DeskResult.Success(existing.CallSid) : DeskResult.Fail(DeskErrors.Refused, "The callback is over.");
        }

        // The callback's attempt is counted before the call is placed, and its status callback names the attempt, so
        // busy, no answer or a machine is recorded against it (retried, or a follow-up after the last).
        var callbackId = accepted.CallbackRequestId ?? Guid.Empty;
        var attempt = accepted.CallbackRequestId is { } id ? await callbacks.StartDeskDialAsync(id, Now, cancellationToken) : null;
        if (accepted.CallbackRequestId is { } callbackRequest && attempt is null)
        {
            // Not assigned any more, or its attempt already has a call (another offer or connect of the same callback
            // got there first): never a second dial of one attempt.
            LogCallbackNotDialled(logger, accepted.Id, callbackRequest);
            return DeskResult.Fail(DeskErrors.Conflict, "The callback is already being dialled, or is over.");
        }

        var request = new CreateCallRequest
        {
            To = accepted.CallerNumber,
            From = await CallerIdAsync(accepted.CallSid, cancellationToken) ?? accepted.CallerNumber,
            Url = links.Connect(accepted.Id, accepted.AgentId, accepted.QueueName, accepted.Language, leg: 1),
            StatusCallback = attempt is { } n ? callbackLinks.Status(callbackId, n) : links.CallStatus(),
            MachineDetection = attempt is null ? null : MachineDetection.Enable,
        };
        try
        {
            var placed = await twilio.Create().CreateCallAsync(request, cancellationToken);
            await calls.TryStartAsync(NewRow(accepted, placed.Sid), cancellationToken);
            if (attempt is { } placedAttempt)
            {
                await callbacks.RecordDialAsync(callbackId, placedAttempt, placed.Sid, cancellationToken);
            }

            LogCallbackPlaced(logger, accepted.Id, placed.Sid);
            return DeskResult.Success(placed.Sid);
        }
        catch (Exception ex) when (CarrierFailure.Is(ex, cancellationToken) || ex is ArgumentException)
        {
            LogRestFailed(logger, "place the callback of offer", accepted.Id.ToString("D"), ex);
            if (attempt is { } failedAttempt && await callbacks.FindAsync(callbackId, cancellationToken) is { } callback)
            {
                await callbackAttempts.EndAsync(callback, failedAttempt, CallbackOutcomes.Failed, cancellationToken);
            }

            return DeskResult.Fail(DeskErrors.Unavailable, "The carrier did not place the callback.");
        }
    }

    /// <summary>The row the connect webhook of a callback writes when it comes before the REST answer.</summary>
    public static DeskCallRow NewRow(Guid offerId, Guid agentId, string queue, string callSid, DateTime now) => new()
    {
        CallSid = callSid,
        OfferId = offerId,
        AgentId = agentId,
        QueueName = queue,
        Status = DeskCallStatuses.Connecting,
        Leg = 1,
        StartedAt = now,
        Version = 0,
    };

    private DeskCallRow NewRow(Offer accepted, string callSid) => NewRow(accepted.Id, accepted.AgentId, accepted.QueueName, callSid, Now);

    /// <summary>The hotline number: configured, or the number the caller dialled (the hub's own).</summary>
    public async Task<string?> CallerIdAsync(string? callSid, CancellationToken cancellationToken) =>
        options.Value.HotlineNumber is { Length: > 0 } hotline ? hotline
        : callSid is { Length: > 0 } && await callRecords.FindBySidAsync(callSid, cancellationToken) is { Direction: CallService.InboundDirection } call ? call.ToNumber
        : null;

    private async Task<DeskCallChange> EndAgentPartAsync(Guid offerId, string reason, CancellationToken cancellationToken)
    {
        var change = await calls.ChangeOfferAsync(offerId, row => row.EndAgentPart(reason, Now), cancellationToken);
        if (change.After is { } ended)
        {
            await ender.AgentCallEndedAsync(ended, cancellationToken);
        }

        return change;
    }

    private sealed record RestFailure(DeskResult Result, bool Gone);

    /// <summary>Null when the carrier took the change; otherwise why not, and whether the call is already over.</summary>
    private async Task<RestFailure?> RedirectAsync(string callSid, UpdateCallRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await twilio.Create().UpdateCallAsync(callSid, request, cancellationToken);
            return null;
        }
        catch (TwilioApiException ex) when (ex.HttpStatus == 404 || ex.Code == CallNotInProgress)
        {
            return new RestFailure(DeskResult.Fail(DeskErrors.NotFound, "The caller has hung up."), Gone: true);
        }
        catch (Exception ex) when (CarrierFailure.Is(ex, cancellationToken))
        {
            // An error answer, no connection or no answer within Twilio:RequestTimeout: all the carrier failing.
            LogRestFailed(logger, "redirect or end call", callSid, ex);
            return new RestFailure(DeskResult.Fail(DeskErrors.Unavailable, "The carrier did not take the change; try again."), Gone: false);
        }
    }

    // Twilio's "Call is not in-progress. Cannot redirect."
    private const int CallNotInProgress = 21220;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback offer {OfferId}: callback {CallbackId} is not waiting for a dial; not dialled again")]
    private static partial void LogCallbackNotDialled(ILogger logger, Guid offerId, Guid callbackId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback offer {OfferId} placed call {CallSid}")]
    private static partial void LogCallbackPlaced(ILogger logger, Guid offerId, string callSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The carrier did not {Action} {Subject}")]
    private static partial void LogRestFailed(ILogger logger, string action, string subject, Exception exception);
}
