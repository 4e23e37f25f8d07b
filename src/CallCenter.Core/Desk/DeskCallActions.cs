using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>Hold, resume, hang up and transfer: the agent's own call only, carried out on the voice path.</summary>
public sealed class DeskCallActions(
    DeskAccess access,
    IDeskCallControl calls,
    IWorkRouter router,
    IDeskWorkRepository work,
    IQueueSettingsRepository queues,
    IUserRepository users,
    PhoneNumberNormalizer phones,
    DialPolicy dialling,
    IDeskNotifier notifier,
    DeskAudit audit)
{
    public const int MaxNoteLength = 500;

    public Task<DeskResult> HoldAsync(Actor agent, string? callSid, CancellationToken cancellationToken) =>
        SetHoldAsync(agent, callSid, onHold: true, cancellationToken);

    public Task<DeskResult> ResumeAsync(Actor agent, string? callSid, CancellationToken cancellationToken) =>
        SetHoldAsync(agent, callSid, onHold: false, cancellationToken);

    public async Task<DeskResult> HangUpAsync(Actor agent, string? callSid, CancellationToken cancellationToken)
    {
        var owned = await access.ActiveCallAsync(agent, callSid, cancellationToken);
        if (owned.Error is { } refused)
        {
            return await audit.WriteAsync(agent, "hang-up", null, refused, $"call {callSid}", cancellationToken);
        }

        // The voice path ends the agent's part (wrap-up, CallEnded) when the call is theirs to end.
        var result = await calls.HangUpAsync(owned.Offer!, cancellationToken);
        return await audit.WriteAsync(agent, "hang-up", owned.Offer!.PatientId, result, $"call {callSid}", cancellationToken);
    }

    public async Task<DeskResult> TransferAsync(Actor agent, TransferRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        if (request.Kind is not ("queue" or "agent" or "number"))
        {
            return DeskResult.Fail(DeskErrors.Invalid, "must be queue, agent or number", "kind");
        }

        if (string.IsNullOrWhiteSpace(request.Target) || request.Target.Length > 200)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required, at most 200 characters", "target");
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"must be at most {MaxNoteLength} characters", "note");
        }

        var owned = await access.ActiveCallAsync(agent, request.CallSid, cancellationToken);
        var destination = request.Kind == "number" && phones.TryNormalize(request.Target, out var e164, out _) ? e164 : request.Target.Trim();
        var result = owned.Error ?? request.Kind switch
        {
            "queue" => await ToQueueAsync(agent, owned, request.Target.Trim(), cancellationToken),
            "agent" => await ToAgentAsync(agent, owned, request, cancellationToken),
            _ => await ToNumberAsync(agent, owned, request.Target, cancellationToken),
        };
        // The destination is on the record: a transfer out is where toll fraud would show.
        return await audit.WriteAsync(agent, "transfer", owned.Offer?.PatientId, result, $"call {request.CallSid} to {request.Kind} {destination}", cancellationToken);
    }

    private async Task<DeskResult> ToQueueAsync(Actor agent, Owned owned, string queue, CancellationToken cancellationToken)
    {
        if (await queues.FindAsync(queue, cancellationToken) is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "no such queue", "target");
        }

        // The voice path puts the call back in line (keeping its place) and releases the agent.
        return await calls.TransferToQueueAsync(owned.Offer!, queue, cancellationToken);
    }

    private async Task<DeskResult> ToAgentAsync(Actor agent, Owned owned, TransferRequest request, CancellationToken cancellationToken)
    {
        var target = await users.FindByUserNameAsync(request.Target.Trim(), cancellationToken);
        if (target is null || target.IsDisabled || target.Role is not (Roles.Agent or Roles.Supervisor or Roles.Admin))
        {
            return DeskResult.Fail(DeskErrors.Invalid, "no such agent", "target");
        }

        if (target.Id == agent.UserId)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is yourself", "target");
        }

        var offer = await router.OfferToAgentAsync(owned.Work!.CallSid!, target.Id, agent.UserId, request.Note, cancellationToken);
        if (offer is null)
        {
            return DeskResult.Fail(DeskErrors.Refused, "the agent is not available", "target");
        }

        // The caller holds while the target's desk rings; the screen-pop travels with the offer.
        var held = await calls.HoldAsync(owned.Offer!, cancellationToken);
        await notifier.OfferReceivedAsync(offer, cancellationToken);
        if (!request.Warm)
        {
            await calls.ReleaseAgentAsync(owned.Offer!, cancellationToken);
        }

        return held.Ok ? DeskResult.Success(offer.Id.ToString()) : held;
    }

    private async Task<DeskResult> ToNumberAsync(Actor agent, Owned owned, string number, CancellationToken cancellationToken)
    {
        if (!phones.TryNormalize(number, out var e164, out var reason))
        {
            return DeskResult.Fail(DeskErrors.Invalid, reason, "target");
        }

        if (!dialling.Allows(e164, out var refused))
        {
            return DeskResult.Fail(DeskErrors.Refused, refused, "target");
        }

        return await calls.TransferToNumberAsync(owned.Offer!, e164, cancellationToken);
    }

    private async Task<DeskResult> SetHoldAsync(Actor agent, string? callSid, bool onHold, CancellationToken cancellationToken)
    {
        var action = onHold ? "hold" : "resume";
        var owned = await access.ActiveCallAsync(agent, callSid, cancellationToken);
        if (owned.Error is { } refused)
        {
            return await audit.WriteAsync(agent, action, null, refused, $"call {callSid}", cancellationToken);
        }

        var result = onHold ? await calls.HoldAsync(owned.Offer!, cancellationToken) : await calls.ResumeAsync(owned.Offer!, cancellationToken);
        if (result.Ok)
        {
            // The desk is told what the voice path stored (read again), not what was asked for.
            var now = await work.LatestForCallAsync(agent.UserId, owned.Work!.CallSid!, cancellationToken) ?? owned.Work;
            await notifier.CallHoldChangedAsync(agent.UserId, DeskOfferActions.Call(now), cancellationToken);
        }

        return await audit.WriteAsync(agent, action, owned.Offer!.PatientId, result, $"call {callSid}", cancellationToken);
    }
}
