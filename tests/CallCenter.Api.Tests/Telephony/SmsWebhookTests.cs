using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Messaging;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Telephony;

public sealed class SmsWebhookTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Sms_SignedThenStatus_RecordsMessageAndAnswersFromTheSmsFlow(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var phone = UniqueData.ChinaMobile();
        var patientId = await VoiceWebhookTests.CreatePatientAsync(agent, phone);
        var sid = TwilioWebhookClient.Sid("SM");

        var response = await twilio.PostAsync("/twilio/sms", twilio.Sms(sid, phone, "请问明天几点开门？"));
        hub.Time.Advance(TimeSpan.FromSeconds(5));
        var status = await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(sid, MessageStatus.Read));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, status.StatusCode));
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", twiml.Root!.Name.LocalName);
        // Not a reply to anything the hub sent: the shipped SMS flow hands it to agents and says so once.
        Assert.Equal("Message", Assert.Single(twiml.Root.Elements()).Name.LocalName);
        var message = await agent.Client.GetFromJsonAsync<MessageView>($"/api/messages/{sid}");
        Assert.Equal((patientId, "read", "请问明天几点开门？", "inbound"), (message!.Message.PatientId, message.Message.Status, message.Message.Body, message.Message.Direction));
        Assert.Equal(["received", "read"], message.Events.Select(e => e.Status));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SmsStatus_DuplicateAndOutOfOrder_MovesForwardOnce(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var sid = TwilioWebhookClient.Sid("SM");
        var token = Guid.NewGuid().ToString();

        await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(sid, MessageStatus.Undelivered, 30003), token);
        var retry = await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(sid, MessageStatus.Undelivered, 30003), token);
        var late = await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(sid, MessageStatus.Sent));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retry.StatusCode, late.StatusCode));
        var message = await agent.Client.GetFromJsonAsync<MessageView>($"/api/messages/{sid}");
        Assert.Equal(("undelivered", 30003, MessageService.OutboundDirection), (message!.Message.Status, message.Message.ErrorCode, message.Message.Direction));
        Assert.Equal(2, message.Events.Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SmsWebhooks_UnsignedOrGarbage_NeverStoreAndNever500(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("SM");
        KeyValuePair<string, string>[] garbage = [new("MessageSid", sid), new("NumMedia", "-3"), new("MessageStatus", "teleported")];

        var unsigned = await twilio.SendAsync("/twilio/sms", twilio.Sms(sid, UniqueData.ChinaMobile(), "hi"), signature: null);
        var badSms = await twilio.PostAsync("/twilio/sms", garbage);
        var badStatus = await twilio.PostAsync("/twilio/sms/status", garbage);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [unsigned.StatusCode, badSms.StatusCode, badStatus.StatusCode]);
        Assert.Null(await hub.Services.GetRequiredService<IMessageRepository>().FindBySidAsync(sid));
    }
}
