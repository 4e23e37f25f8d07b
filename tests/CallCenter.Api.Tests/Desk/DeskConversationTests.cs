using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Messaging;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

public sealed class DeskConversationTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Conversation_AcceptedByAgent_ShowsTextsPushesNewOnesAndCloses(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        var phone = patient.Phones[0].E164;
        await using var desk = await hub.ConnectAgentAsync();
        await using var other = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();

        var conversationId = await TextAsync(hub, phone, patient.Id, "Can I move my appointment?");
        var offer = await Polling.UntilAsync(() => Task.FromResult(desk.Offers.LastOrDefault(o => o.ConversationId == conversationId)), o => o is not null, "conversation offer");
        Assert.Equal((DeskWorkKinds.Conversation, patient.Id), (offer!.Kind, offer.ScreenPop.Patient?.Id));
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);

        var held = Assert.Single((await desk.DeskAsync()).Conversations);
        Assert.Equal((conversationId, patient.FullName, "Can I move my appointment?"), (held.ConversationId, held.PatientName, Assert.Single(held.Messages).Body));

        await TextAsync(hub, phone, patient.Id, "Friday would suit me");
        var pushed = await Polling.UntilAsync(() => Task.FromResult(desk.Texts.LastOrDefault()), t => t is not null, "text pushed to the agent");
        Assert.Equal((conversationId, "Friday would suit me"), (pushed!.ConversationId, pushed.Body));

        var notTheirs = await other.InvokeAsync(nameof(IAgentDeskHub.CloseConversationAsync), conversationId);
        var closed = await desk.InvokeAsync(nameof(IAgentDeskHub.CloseConversationAsync), conversationId);

        Assert.Equal(DeskErrors.NotYours, notTheirs.Error);
        Assert.True(closed.Ok, closed.Reason);
        Assert.Empty((await desk.DeskAsync()).Conversations);
    }

    /// <summary>A patient's text as the SMS webhook records it and the SMS flow hands it to the inbox.</summary>
    private static async Task<Guid> TextAsync(DeskHub hub, string from, Guid patientId, string body)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        await hub.Services.GetRequiredService<MessageService>().RecordIncomingAsync(
            new IncomingSms { MessageSid = sid, AccountSid = "AC" + new string('0', 32), From = from, To = "+861012345678", Body = body });
        return await hub.Services.GetRequiredService<ISmsInbox>().OpenConversationAsync(new ConversationMessage(from, patientId, sid, "agent"), CancellationToken.None);
    }
}
