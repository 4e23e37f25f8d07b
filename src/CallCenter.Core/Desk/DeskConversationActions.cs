using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Conversations;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Routing;
using Ivr.Flows.Services;
using Twilio.Protocol.Rest;

namespace CallCenter.Core.Desk;

/// <summary>SMS from the desk (consent checked by the hub's messenger) and closing conversations the agent holds.</summary>
public sealed class DeskConversationActions(
    DeskAccess access,
    IOfferLifecycle offers,
    IDeskWorkRepository work,
    IConversationRepository conversations,
    IFlowMessenger messenger,
    IRoutingSignal routing,
    DeskAudit audit,
    TimeProvider time)
{
    public const string SmsPurpose = "agent";

    public async Task<DeskResult> SendSmsAsync(Actor agent, SendSmsRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > CreateMessageRequest.MaxBodyLength)
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"is required, at most {CreateMessageRequest.MaxBodyLength} characters", "body");
        }

        var owned = await access.AcceptedOfferAsync(agent, request.OfferId, cancellationToken);
        if (owned.Error is { } refused)
        {
            return await audit.WriteAsync(agent, "send-sms", null, refused, $"offer {request.OfferId}", cancellationToken);
        }

        var offer = owned.Offer!;
        var to = offer.ConversationId is { } conversationId
            ? (await conversations.FindAsync(conversationId, cancellationToken))?.Phone ?? offer.CallerNumber
            : offer.CallerNumber;
        var sent = await messenger.SendSmsAsync(new OutgoingSms(to, request.Body, offer.PatientId, SmsPurpose), cancellationToken);
        var result = sent.Sent
            ? DeskResult.Success()
            : DeskResult.Fail(sent.Reason == "consent-withdrawn" ? DeskErrors.Refused : DeskErrors.Unavailable, sent.Reason ?? "not sent");
        return await audit.WriteAsync(agent, "send-sms", offer.PatientId, result, $"offer {offer.Id}", cancellationToken);
    }

    public async Task<DeskResult> CloseAsync(Actor agent, Guid conversationId, CancellationToken cancellationToken)
    {
        if (conversationId == Guid.Empty)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "conversationId");
        }

        var held = await work.ActiveForConversationAsync(conversationId, cancellationToken);
        var result = held switch
        {
            null => DeskResult.Fail(DeskErrors.NotFound, "no such conversation at the desk", "conversationId"),
            _ when held.AgentId != agent.UserId => DeskResult.Fail(DeskErrors.NotYours, "the conversation is another agent's", "conversationId"),
            _ when !await offers.CloseConversationAsync(conversationId, agent.UserId, cancellationToken) =>
                DeskResult.Fail(DeskErrors.Conflict, "the conversation could not be closed", "conversationId"),
            _ => DeskResult.Success(),
        };
        if (result.Ok)
        {
            await work.EndAsync(held!.OfferId, "closed", time.GetUtcNow().UtcDateTime, cancellationToken);
            routing.Wake();
        }

        return await audit.WriteAsync(agent, "close-conversation", result.Ok ? held!.PatientId : null, result, $"conversation {conversationId}", cancellationToken);
    }
}
