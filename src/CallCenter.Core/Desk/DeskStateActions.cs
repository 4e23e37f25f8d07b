using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Cases;
using CallCenter.Core.Conversations;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Core.Messaging;
using CallCenter.Core.Routing;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Desk;

/// <summary>The agent's whole desk (drawn again after every reconnect) and the states the agent sets.</summary>
public sealed class DeskStateActions(
    IOfferReader offers,
    AgentStateService agents,
    IUserRepository users,
    IDeskWorkRepository work,
    IWrapUpRepository wrapUps,
    IConversationRepository conversations,
    IMessageRepository messages,
    ScreenPopBuilder screenPops,
    IDeskNotifier notifier,
    IRoutingSignal routing,
    IOptions<DeskOptions> options,
    DeskAudit audit,
    CaseIntake cases)
{
    public async Task<DeskSnapshot> GetDeskAsync(Actor agent, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(agent.UserId, cancellationToken);
        var status = await agents.GetAsync(agent.UserId, cancellationToken)
            ?? throw new InvalidOperationException("A signed-in agent has no account.");
        var ringing = new List<DeskOffer>();
        foreach (var offer in await offers.RingingForAgentAsync(agent.UserId, cancellationToken))
        {
            var transferredBy = offer.TransferredBy is { } by ? (await users.FindByIdAsync(by, cancellationToken))?.UserName : null;
            ringing.Add(DeskOffers.From(offer, await screenPops.BuildAsync(offer, agent, cancellationToken), transferredBy));
        }

        var held = await work.ActiveForAgentAsync(agent.UserId, cancellationToken);
        var call = held.LastOrDefault(w => w.Kind != "conversation");
        var desk = new List<DeskConversation>();
        foreach (var conversation in held.Where(w => w.ConversationId is not null))
        {
            desk.Add(await ConversationAsync(agent, conversation, cancellationToken));
        }

        return new DeskSnapshot
        {
            UserName = agent.UserName,
            DisplayName = user?.DisplayName ?? agent.UserName,
            State = DeskOffers.State(status),
            Ringing = ringing,
            Call = call is null ? null : DeskOfferActions.Call(call),
            WrapUpCallSid = status.State == AgentState.WrapUp ? await PendingWrapUpAsync(agent, cancellationToken) : null,
            Conversations = desk,
            Dispositions = options.Value.EffectiveDispositions,
            ComplaintDisposition = options.Value.EffectiveDispositions.Contains(cases.DeskDisposition, StringComparer.Ordinal) ? cases.DeskDisposition : null,
            ComplaintCategories = cases.DeskCategories,
            ComplaintSeverities = cases.DeskSeverities,
        };
    }

    public async Task<DeskResult> SetStateAsync(Actor agent, SetStateRequest? request, CancellationToken cancellationToken)
    {
        AgentEvent? agentEvent = request?.State switch
        {
            "available" => AgentEvent.Of(AgentEventKind.SetAvailable),
            "break" => AgentEvent.Break(request.Reason ?? string.Empty),
            "offline" => AgentEvent.Of(AgentEventKind.SetOffline),
            "end-wrap-up" => AgentEvent.Of(AgentEventKind.EndWrapUp),
            _ => null,
        };
        if (agentEvent is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "must be available, break, offline or end-wrap-up", "state");
        }

        if (agentEvent.Kind == AgentEventKind.SetBreak && (string.IsNullOrWhiteSpace(request!.Reason) || request.Reason.Trim().Length > AgentTransitions.MaxReasonLength))
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"a break needs a reason of at most {AgentTransitions.MaxReasonLength} characters", "reason");
        }

        var change = await agents.ApplyAsync(agent.UserId, agentEvent, AgentEventSource.Agent, cancellationToken);
        var result = change.Outcome switch
        {
            AgentChangeOutcome.Applied => DeskResult.Success(),
            AgentChangeOutcome.Refused => DeskResult.Fail(DeskErrors.Refused, change.Reason ?? "not now", "state"),
            AgentChangeOutcome.Conflict => DeskResult.Fail(DeskErrors.Conflict, "your state changed meanwhile; read the desk again", "state"),
            _ => DeskResult.Fail(DeskErrors.NotFound, "no such agent", null),
        };
        if (result.Ok)
        {
            await notifier.StateChangedAsync(agent.UserId, cancellationToken);
            if (change.Status?.State == AgentState.Available)
            {
                routing.Wake();
            }
        }

        return await audit.WriteAsync(agent, "set-state", null, result, $"to {request!.State}", cancellationToken);
    }

    private async Task<string?> PendingWrapUpAsync(Actor agent, CancellationToken cancellationToken)
    {
        // The call in wrap-up is the agent's most recently ended call without a wrap-up of theirs.
        var latest = await work.LatestEndedCallAsync(agent.UserId, cancellationToken);
        return latest?.CallSid is { } callSid && await wrapUps.FindAsync(callSid, agent.UserId, cancellationToken) is null ? callSid : null;
    }

    private async Task<DeskConversation> ConversationAsync(Actor agent, DeskWork held, CancellationToken cancellationToken)
    {
        var conversationId = held.ConversationId!.Value;
        var texts = new List<DeskSms>();
        foreach (var sid in await conversations.MessageSidsAsync(conversationId, cancellationToken))
        {
            if (await messages.FindBySidAsync(sid, cancellationToken) is { } message)
            {
                var direction = message.Direction == MessageService.InboundDirection ? "inbound" : "outbound";
                texts.Add(new DeskSms(conversationId, sid, message.Body ?? string.Empty, DeskTimes.Utc(message.CreatedAt), direction));
            }
        }

        var name = held.PatientId is { } patientId
            ? await screenPops.PatientNameAsync(patientId, agent, $"desk conversation {conversationId}", cancellationToken)
            : null;
        return new DeskConversation { ConversationId = conversationId, OfferId = held.OfferId, PatientId = held.PatientId, PatientName = name, Messages = texts };
    }
}
