using CallCenter.Api.Ivr;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>Whatever arrives on the flow webhook, the caller hears TwiML: never a 400 or a 500.</summary>
public sealed class FlowWebhookGarbageTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    private static readonly (string Query, (string, string?)[] Fields)[] GarbageCases =
    [
        ("?event=gathered&step=pin&turn=1", [("Digits", "<Say>&amp;\"'"), ("SpeechResult", new string('x', 10_000))]),
        ("?event=gathered&step=pin&turn=1", [("Digits", new string('9', 500)), ("QueuePosition", "abc"), ("RecordingDuration", "-1")]),
        ("?event=gathered&step=pin&turn=1", [("QueueTime", "1e99"), ("DialCallStatus", "\u202e😀%zz")]),
        ("?event=gathered&step=pin&turn=banana", [("Digits", "1234")]),
        ("?event=gathered&step=&turn=1", [("Digits", "1234")]),
        ("?event=nonsense&step=pin&turn=1", [("Digits", "1234")]),
        ("?step=pin", []),
        ("", []),
        ("?event=hold&step=pin", [("QueuePosition", "-5"), ("QueueTime", "")]),
        ("?event=gathered&step=nowhere&turn=99", [("Digits", "1234")]),
    ];

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FlowWebhook_GarbageFields_AnswersValidTwiml(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("garbage"), TestFlows.Gather("garbage-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");
        await hub.CallAsync(sid, number);

        foreach (var (query, fields) in GarbageCases)
        {
            var response = await hub.Twilio.PostAsync(FlowRunner.VoicePath + query, hub.ActionForm(sid, number, fields));
            Assert.True(response.IsSuccessStatusCode, $"{query} {string.Join(',', fields.Select(f => f.Item1))}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var twiml = await IvrHub.TwimlAsync(response);

            Assert.NotEmpty(twiml.Root!.Elements());
        }

        var stillAsking = await hub.PostFlowAsync(FlowRunner.VoicePath + "?event=gathered&step=pin&turn=1", hub.ActionForm(sid, number, ("Digits", "abc")));
        Assert.NotNull(stillAsking.Root!.Element("Gather") ?? stillAsking.Root.Element("Hangup"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FlowWebhook_UnknownCall_ApologisesAndHangsUp(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        var twiml = await hub.PostFlowAsync(
            FlowRunner.VoicePath + "?event=gathered&step=pin&turn=1", hub.ActionForm(TwilioWebhookClient.Sid("CA"), TestFlows.Number(), ("Digits", "1")));
        var noCallSid = await hub.PostFlowAsync(FlowRunner.VoicePath + "?event=gathered&step=pin&turn=1", [new("Digits", "1")]);

        Assert.Equal([FlowApology.Chinese, FlowApology.English], IvrHub.Spoken(twiml));
        Assert.Equal("Hangup", twiml.Root!.Elements().Last().Name.LocalName);
        Assert.Equal([FlowApology.Chinese, FlowApology.English], IvrHub.Spoken(noCallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FlowWebhook_SessionOnUnknownVersion_ApologisesAndHangsUp(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("lost"), TestFlows.Gather("lost-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");
        var asked = await hub.CallAsync(sid, number);
        var sessions = hub.Api.Services.GetRequiredService<IFlowSessionRepository>();
        var stored = (await sessions.FindAsync(sid))!;
        Assert.True(await sessions.TryUpdateAsync(stored with { FlowVersion = "000000000000" }, stored.Turn));

        var twiml = await hub.AnswerGatherAsync(asked, sid, number, "1234");

        Assert.Equal([FlowApology.Chinese, FlowApology.English], IvrHub.Spoken(twiml));
        Assert.Equal("Hangup", twiml.Root!.Elements().Last().Name.LocalName);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FlowWebhook_Unsigned_Returns403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var form = hub.ActionForm(TwilioWebhookClient.Sid("CA"), TestFlows.Number(), ("Digits", "1"));
        var path = FlowRunner.VoicePath + "?event=gathered&step=pin&turn=1";

        // Signed over the URL without its query string: the filter must sign the full URL.
        var response = await hub.Twilio.SendAsync(path, form, hub.Twilio.Sign(FlowRunner.VoicePath, form));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
