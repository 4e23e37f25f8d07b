using CallCenter.Api.Tests.Telephony;
using CallCenter.Testing;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Ivr;

public sealed class SmsFlowTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Sms_TwoTexts_ContinueOneConversation(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("sms"), TestFlows.Gather("sms-" + Guid.NewGuid().ToString("N")[..8], number, "Got", kind: "sms"));
        var from = UniqueData.ChinaMobile();

        var first = await SmsAsync(hub, TwilioWebhookClient.Sid("SM"), from, number, "hello");
        var second = await SmsAsync(hub, TwilioWebhookClient.Sid("SM"), from, number, "1234");

        Assert.Equal(["Enter four digits"], Messages(first));
        Assert.Equal(["Got 1234"], Messages(second));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Sms_RedeliveredMessage_DoesNotRunTheFlowTwice(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("sms"), TestFlows.Gather("smsrepeat-" + Guid.NewGuid().ToString("N")[..8], number, "Got", kind: "sms"));
        var from = UniqueData.ChinaMobile();
        await SmsAsync(hub, TwilioWebhookClient.Sid("SM"), from, number, "hello");
        var sid = TwilioWebhookClient.Sid("SM");

        // "12" is a wrong answer: run twice it would use up the one retry and end the conversation.
        var answer = await SmsAsync(hub, sid, from, number, "12");
        var redelivered = await SmsAsync(hub, sid, from, number, "12");
        var next = await SmsAsync(hub, TwilioWebhookClient.Sid("SM"), from, number, "4321");

        Assert.Equal(answer.ToString(), redelivered.ToString());
        Assert.Equal(["Got 4321"], Messages(next));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Sms_ToNumberWithoutFlow_AnswersEmptyResponse(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        var twiml = await SmsAsync(hub, TwilioWebhookClient.Sid("SM"), UniqueData.ChinaMobile(), TestFlows.Number(), "hello");

        Assert.Empty(twiml.Root!.Elements());
    }

    private static async Task<System.Xml.Linq.XDocument> SmsAsync(IvrHub hub, string sid, string from, string to, string body)
    {
        var form = new IncomingMessage { MessageSid = sid, AccountSid = hub.Twilio.Options.AccountSid, From = from, To = to, Body = body, NumSegments = 1 }.ToForm();
        return await IvrHub.TwimlAsync(await hub.Twilio.PostAsync("/twilio/sms", form));
    }

    private static List<string> Messages(System.Xml.Linq.XDocument twiml) => [.. twiml.Root!.Elements("Message").Select(m => m.Value)];
}
