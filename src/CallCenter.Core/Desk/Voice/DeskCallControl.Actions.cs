using AgentDesk.Contracts;
using CallCenter.Core.Routing;
using Twilio.Protocol.Rest;

namespace CallCenter.Core.Desk.Voice;

public sealed partial class DeskCallControl
{
    public async Task<DeskResult> HoldAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var change = await calls.ChangeOfferAsync(
            accepted.Id, row => row.Status == DeskCallStatuses.Connected ? row with { Status = DeskCallStatuses.OnHold } : null, cancellationToken);
        if (!change.Changed)
        {
            return change.Before?.Status == DeskCallStatuses.OnHold ? DeskResult.Success() : Refused(change.Before, "is not connected");
        }

        return await RedirectOrUndoAsync(change, links.Hold(accepted.Id, accepted.Language), cancellationToken);
    }

    public async Task<DeskResult> ResumeAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var change = await calls.ChangeOfferAsync(
            accepted.Id,
            row => row.Status == DeskCallStatuses.OnHold ? row with { Status = DeskCallStatuses.Connecting, Leg = row.Leg + 1 } : null,
            cancellationToken);
        if (change.After is not { } resumed)
        {
            return change.Before?.Status is DeskCallStatuses.Connecting or DeskCallStatuses.Connected ? DeskResult.Success() : Refused(change.Before, "is not on hold");
        }

        return await RedirectOrUndoAsync(change, links.Connect(accepted.Id, resumed.AgentId, resumed.QueueName, accepted.Language, resumed.Leg), cancellationToken);
    }

    public async Task<DeskResult> TransferToQueueAsync(Offer accepted, string queueName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (await calls.FindByOfferAsync(accepted.Id, cancellationToken) is not { HasAgent: true } row)
        {
            return Refused(null, "is not with the agent");
        }

        if (!await queueMoves.RequeueAsync(row.CallSid, queueName, cancellationToken))
        {
            return DeskResult.Fail(DeskErrors.Refused, "The call could not be put back in that queue.", "target");
        }

        await EndAgentPartAsync(accepted.Id, DeskEndReasons.Transferred, cancellationToken);
        var failure = await RedirectAsync(row.CallSid, UpdateCallRequest.RedirectTo(links.Requeue(queueName, accepted.Language)), cancellationToken);
        return failure?.Result ?? DeskResult.Success();
    }

    public async Task<DeskResult> TransferToNumberAsync(Offer accepted, string e164, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (!normalizer.TryNormalize(e164, out var number, out var reason))
        {
            return DeskResult.Fail(DeskErrors.Invalid, reason, "target");
        }

        var change = await calls.ChangeOfferAsync(
            accepted.Id,
            row => row.HasAgent
                ? row with { Status = DeskCallStatuses.Transferring, TransferTo = number, EndedAt = Now, EndReason = DeskEndReasons.Transferred }
                : null,
            cancellationToken);
        if (change.After is not { } transferring)
        {
            return Refused(change.Before, "is not with the agent");
        }

        // The agent is released now (a cold transfer); the caller's call goes on to the outside number.
        await ender.AgentCallEndedAsync(transferring, cancellationToken);
        var failure = await RedirectAsync(transferring.CallSid, UpdateCallRequest.RedirectTo(links.Transfer(accepted.Id, accepted.Language)), cancellationToken);
        return failure?.Result ?? DeskResult.Success();
    }

    public async Task<DeskResult> ReleaseAgentAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var change = await EndAgentPartAsync(accepted.Id, DeskEndReasons.Transferred, cancellationToken);
        return change.Changed || change.Before is { Status: DeskCallStatuses.Ended }
            ? DeskResult.Success()
            : Refused(change.Before, "is not with the agent");
    }

    public async Task<DeskResult> HangUpAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var change = await EndAgentPartAsync(accepted.Id, DeskEndReasons.AgentHungUp, cancellationToken);
        if (change.After is not { } ended)
        {
            return change.Before is { Status: DeskCallStatuses.Ended } ? DeskResult.Success() : Refused(change.Before, "is not with the agent");
        }

        // Redirected rather than hung up: the caller hears what the agent's own hang-up gives them (a keypad survey
        // where the queue has one, else the goodbye), and the redirect drops the agent's leg.
        var failure = await RedirectAsync(
            ended.CallSid, UpdateCallRequest.RedirectTo(links.AgentHungUp(ended.OfferId, ended.QueueName, accepted.Language, ended.Leg)), cancellationToken);
        return failure is { Gone: false } ? failure.Result : DeskResult.Success();
    }

    public async Task OverflowAsync(OverflowAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var url = action.Kind switch
        {
            OverflowKind.Voicemail => links.Voicemail(action.FromQueue, action.Language),
            OverflowKind.Callback => links.CallbackOffer(action.FromQueue, action.Language),
            _ => null,
        };
        if (url is not null)
        {
            await RedirectAsync(action.CallSid, UpdateCallRequest.RedirectTo(url), cancellationToken);
        }
    }

    // The call was changed first; when the carrier refuses the redirect, the change is taken back so the desk and
    // the call agree (the caller is still where they were).
    private async Task<DeskResult> RedirectOrUndoAsync(DeskCallChange change, string url, CancellationToken cancellationToken)
    {
        var after = change.After!;
        if (await RedirectAsync(after.CallSid, UpdateCallRequest.RedirectTo(url), cancellationToken) is not { } failure)
        {
            return DeskResult.Success();
        }

        if (failure.Gone)
        {
            await EndAgentPartAsync(after.OfferId, DeskEndReasons.CallerHungUp, cancellationToken);
        }
        else
        {
            await calls.TryUpdateAsync(change.Before!, after.Version, cancellationToken);
        }

        return failure.Result;
    }

    private static DeskResult Refused(DeskCallRow? row, string what) => row is null
        ? DeskResult.Fail(DeskErrors.NotFound, "The offer has no call on the line.", "offerId")
        : DeskResult.Fail(DeskErrors.Refused, $"The call {what} (it is {row.Status}).");
}
