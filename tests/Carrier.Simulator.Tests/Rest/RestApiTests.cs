using Carrier.Simulator.Calls;
using Carrier.Simulator.Messaging;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Rest;

public sealed class RestApiTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CallRegistry Calls => _host.Services.GetRequiredService<CallRegistry>();

    [Fact]
    public async Task CreateCall_WithUrl_CallsThePatientAndReportsTheRequestedEvents()
    {
        _host.Hub.Respond("/twilio/outbound", "<Response><Say>Your appointment is tomorrow</Say></Response>");

        var created = await _host.Rest.CreateCallAsync(new CreateCallRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Url = "/twilio/outbound",
            StatusCallback = "/twilio/voice/status",
            StatusCallbackEvent = [CallProgressEvent.Initiated, CallProgressEvent.Ringing, CallProgressEvent.Answered, CallProgressEvent.Completed],
        });
        await Calls.Find(created.Sid)!.EndedAsync();

        Assert.StartsWith("CA", created.Sid, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Queued, created.Status);
        Assert.Equal(SimulatorHarness.Patient, created.To);
        var request = Assert.Single(_host.Hub.To("/twilio/outbound"));
        Assert.True(request.SignatureValid);
        Assert.Equal("outbound-api", request.Form["Direction"]);
        Assert.Equal("in-progress", request.Form["CallStatus"]);
        var callbacks = _host.Hub.To("/twilio/voice/status");
        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], callbacks.Select(c => c.Form["CallStatus"]));
        Assert.Equal(["0", "1", "2", "3"], callbacks.Select(c => c.Form["SequenceNumber"]));
    }

    [Fact]
    public async Task UpdateCall_WithUrl_RedirectsTheLiveCall()
    {
        _host.Hub.Respond("/twilio/elsewhere", "<Response><Say>Moved</Say></Response>");
        var created = await _host.Rest.CreateCallAsync(new CreateCallRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Twiml = "<Response><Gather timeout=\"30\"/></Response>",
        });
        var call = Calls.Find(created.Sid)!;
        await call.WaitingAsync();

        var updated = await _host.Rest.UpdateCallAsync(created.Sid, UpdateCallRequest.RedirectTo("/twilio/elsewhere"));
        await call.EndedAsync();

        Assert.Equal(created.Sid, updated.Sid);
        Assert.Single(_host.Hub.To("/twilio/elsewhere"));
        Assert.Equal("Moved", Assert.Single(call.Lines("say")).Text);
    }

    [Fact]
    public async Task UpdateCall_WithStatusCompleted_HangsUp()
    {
        var created = await _host.Rest.CreateCallAsync(new CreateCallRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Twiml = "<Response><Pause length=\"60\"/><Say>never</Say></Response>",
        });
        var call = Calls.Find(created.Sid)!;
        await call.WaitingAsync();

        await _host.Rest.UpdateCallAsync(created.Sid, UpdateCallRequest.Hangup());
        await call.EndedAsync();

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Empty(call.Lines("say"));
    }

    [Fact]
    public async Task CreateCall_WithInvalidTo_Throws21211()
    {
        var error = await Assert.ThrowsAsync<TwilioInvalidToNumberException>(() => _host.Rest.CreateCallAsync(new CreateCallRequest
        {
            To = "12345",
            From = SimulatorHarness.HubNumber,
            Twiml = "<Response/>",
        }));

        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(21211, error.Code);
    }

    [Fact]
    public async Task CreateMessage_DeliversItWithQueuedSentDeliveredCallbacks()
    {
        var created = await _host.Rest.CreateMessageAsync(new CreateMessageRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Body = "您的预约在明天上午9点",
            StatusCallback = "/twilio/sms/status",
        });
        var message = _host.Services.GetRequiredService<MessageStore>().Thread(SimulatorHarness.Patient).Single(m => m.Sid == created.Sid);
        await message.Delivery.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("SM", created.Sid, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Queued, created.Status);
        Assert.Equal(1, created.NumSegments);
        var callbacks = _host.Hub.To("/twilio/sms/status");
        Assert.Equal(["queued", "sent", "delivered"], callbacks.Select(c => c.Form["MessageStatus"]));
        Assert.All(callbacks, c => Assert.True(c.SignatureValid));
        Assert.Equal(MessageStatus.Delivered, message.Status);
    }

    [Fact]
    public async Task CreateMessage_WithInvalidTo_Throws21211()
    {
        await Assert.ThrowsAsync<TwilioInvalidToNumberException>(() => _host.Rest.CreateMessageAsync(new CreateMessageRequest
        {
            To = "not-a-number",
            From = SimulatorHarness.HubNumber,
            Body = "hello",
        }));
    }

    [Fact]
    public async Task CreateMessage_WithABadToken_Throws401()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() => _host.RestWithToken("wrong-token").CreateMessageAsync(new CreateMessageRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Body = "hello",
        }));

        Assert.Equal(401, error.HttpStatus);
        Assert.Equal(20003, error.Code);
    }

    [Fact]
    public async Task CreateMessage_AfterThePatientTextedStop_Throws21610()
    {
        await _host.Services.GetRequiredService<MessageService>().ReceiveAsync(SimulatorHarness.Patient, SimulatorHarness.HubNumber, "stop", CancellationToken.None);

        await Assert.ThrowsAsync<TwilioRecipientOptedOutException>(() => _host.Rest.CreateMessageAsync(new CreateMessageRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Body = "hello",
        }));
    }
}
