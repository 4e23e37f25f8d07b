using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Ivr;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Accounts;
using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

public sealed class FlowCallTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Call_WithGatherFlow_RunsOverTwoWebhooks(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("call"), TestFlows.Gather("call-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");

        var first = await hub.CallAsync(sid, number);
        var action = first.Root!.Element("Gather")!.Attribute("action")!.Value;
        var second = await hub.AnswerGatherAsync(first, sid, number, "1234");

        Assert.Equal(["Enter four digits"], IvrHub.Spoken(first));
        Assert.Equal("http://localhost:5080/twilio/voice/flow?event=gathered&step=pin&turn=1", action);
        Assert.Equal(["Got 1234"], IvrHub.Spoken(second));
        Assert.Equal("Hangup", second.Root!.Elements().Last().Name.LocalName);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ActionWebhook_Repeated_ChangesStateOnce(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("repeat"), TestFlows.Gather("repeat-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");
        var first = await hub.CallAsync(sid, number);

        // A wrong answer asks again (turn 2); the carrier's retry of the same webhook must not count as a second try.
        var answer = await hub.AnswerGatherAsync(first, sid, number, "12");
        var retry = await hub.AnswerGatherAsync(first, sid, number, "12");
        var stored = await hub.Api.Services.GetRequiredService<IFlowSessionRepository>().FindAsync(sid);

        Assert.Equal(answer.ToString(), retry.ToString());
        Assert.Contains("turn=2", answer.Root!.Element("Gather")!.Attribute("action")!.Value, StringComparison.Ordinal);
        Assert.Equal(2, stored!.Turn);
        Assert.Contains("\"attempts\":1", stored.State, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VoiceWebhook_RepeatedForCallInFlow_AnswersTheSameTwiml(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("voice"), TestFlows.Gather("voice-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");

        var first = await hub.CallAsync(sid, number);
        var again = await hub.CallAsync(sid, number);

        Assert.Equal(first.ToString(), again.ToString());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallIvr_AfterFlow_ReturnsFlowVersionVariablesAndTrace(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        var flowId = "ivr-" + Guid.NewGuid().ToString("N")[..8];
        var json = TestFlows.Gather(flowId, number);
        await hub.WriteFlowAsync(TestFlows.FileName("ivr"), json);
        var sid = TwilioWebhookClient.Sid("CA");
        await hub.AnswerGatherAsync(await hub.CallAsync(sid, number), sid, number, "4321");
        var agent = await hub.Api.SignInAsAsync(Roles.Agent);

        var response = await agent.Client.GetAsync($"/api/calls/{sid}/ivr");
        var unknown = await agent.Client.GetAsync($"/api/calls/{TwilioWebhookClient.Sid("CA")}/ivr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ivr = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(flowId, ivr.GetProperty("flowId").GetString());
        Assert.Equal(ActiveFlow.VersionOf(json), ivr.GetProperty("flowVersion").GetString());
        Assert.Equal("en-US", ivr.GetProperty("language").GetString());
        Assert.Equal("4321", ivr.GetProperty("variables").GetProperty("pin").GetString());
        Assert.Equal(number, ivr.GetProperty("variables").GetProperty("call.to").GetString());
        Assert.Contains(ivr.GetProperty("trace").EnumerateArray(), t => t.GetProperty("step").GetString() == "ok");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Call_ToNumberWithoutFlow_AnswersGreeting(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        var twiml = await hub.CallAsync(TwilioWebhookClient.Sid("CA"), TestFlows.Number());

        Assert.Contains(IvrHub.Spoken(twiml), s => s.Contains("Hello", StringComparison.Ordinal));
        Assert.Null(twiml.Root!.Element("Gather"));
    }
}
