using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Calls;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Telephony;

public sealed class VoiceWebhookTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_Signed_RecordsCallOnTimelineAndAnswersWithTheHotline(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var phone = UniqueData.ChinaMobile();
        var patientId = await CreatePatientAsync(agent, phone);
        var sid = TwilioWebhookClient.Sid("CA");

        var response = await twilio.PostAsync("/twilio/voice", twilio.Voice(sid, phone));
        var repeat = await twilio.PostAsync("/twilio/voice", twilio.Voice(sid, phone));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, repeat.StatusCode));
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", twiml.Root!.Name.LocalName);
        // The shipped hotline knows the number: greeting by name in Mandarin, then the main menu waits for a key.
        var greeting = twiml.Root.Elements("Say").First();
        Assert.Equal("zh-CN", (string?)greeting.Attribute("language"));
        Assert.Contains("您好", greeting.Value, StringComparison.Ordinal);
        var menu = twiml.Root.Elements("Gather").Single();
        Assert.StartsWith(twilio.Options.PublicBaseUrl!.TrimEnd('/') + "/twilio/voice/flow?", (string?)menu.Attribute("action"), StringComparison.Ordinal);
        Assert.Equal(await response.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());

        var call = await agent.Client.GetFromJsonAsync<CallView>($"/api/calls/{sid}");
        Assert.Equal((patientId, "ringing"), (call!.Call.PatientId, call.Call.Status));
        Assert.Equal([CallEventSources.VoiceRequest], call.Events.Select(e => e.Source));
        var timeline = await hub.Services.GetRequiredService<IInteractionRepository>().TimelineAsync(patientId, new PageRequest(1, 50));
        Assert.Single(timeline.Items, i => i.ExternalId == sid && i.Kind == InteractionKinds.Call);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_Unsigned_Returns403AndStoresNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");

        var response = await twilio.SendAsync("/twilio/voice", twilio.Voice(sid, UniqueData.ChinaMobile()), signature: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_TamperedParameter_Returns403AndStoresNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");
        var signed = twilio.Voice(sid, UniqueData.ChinaMobile());
        var tampered = twilio.Voice(sid, UniqueData.ChinaMobile());

        var response = await twilio.SendAsync("/twilio/voice", tampered, twilio.Sign("/twilio/voice", signed));
        var otherPath = await twilio.SendAsync("/twilio/voice", signed, twilio.Sign("/twilio/sms", signed));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (response.StatusCode, otherPath.StatusCode));
        Assert.Null(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VoiceStatus_InOrder_EndsCompletedWithDuration(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var sid = TwilioWebhookClient.Sid("CA");
        await twilio.PostAsync("/twilio/voice", twilio.Voice(sid, UniqueData.ChinaMobile()));

        var statuses = new List<HttpStatusCode>();
        foreach (var (status, sequence) in new[] { (CallStatus.InProgress, 1), (CallStatus.Completed, 2) })
        {
            var response = await twilio.PostAsync("/twilio/voice/status", twilio.CallStatusForm(sid, status, sequence, status == CallStatus.Completed ? 65 : null));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var call = await agent.Client.GetFromJsonAsync<CallView>($"/api/calls/{sid}");
        Assert.Equal(("completed", 65, 2), (call!.Call.Status, call.Call.DurationSeconds, call.Call.LastSequenceNumber));
        Assert.NotNull(call.Call.EndedAt);
        Assert.Equal(["ringing", "in-progress", "completed"], call.Events.Select(e => e.Status));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VoiceStatus_OutOfOrder_StaysCompletedAndKeepsHistory(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var sid = TwilioWebhookClient.Sid("CA");
        await twilio.PostAsync("/twilio/voice", twilio.Voice(sid, UniqueData.ChinaMobile()));

        await twilio.PostAsync("/twilio/voice/status", twilio.CallStatusForm(sid, CallStatus.Completed, 3, 12));
        var late = await twilio.PostAsync("/twilio/voice/status", twilio.CallStatusForm(sid, CallStatus.InProgress, 2));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var call = await agent.Client.GetFromJsonAsync<CallView>($"/api/calls/{sid}");
        Assert.Equal(("completed", 3), (call!.Call.Status, call.Call.LastSequenceNumber));
        Assert.Equal([(null, "ringing"), (2, "in-progress"), (3, "completed")], call.Events.Select(e => (e.SequenceNumber, e.Status)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VoiceStatus_SameIdempotencyTokenTwice_RecordsOnce(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var sid = TwilioWebhookClient.Sid("CA");
        var token = Guid.NewGuid().ToString();
        var form = twilio.CallStatusForm(sid, CallStatus.Ringing, 0);

        var responses = await Task.WhenAll(
            twilio.PostAsync("/twilio/voice/status", form, token),
            twilio.PostAsync("/twilio/voice/status", form, token));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var call = await agent.Client.GetFromJsonAsync<CallView>($"/api/calls/{sid}");
        Assert.Single(call!.Events);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VoiceWebhooks_SignedGarbageFields_Return400AndStoreNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");
        KeyValuePair<string, string>[] badVoice = [new("CallSid", sid), new("CallStatus", "exploded"), new("Direction", "sideways")];
        KeyValuePair<string, string>[] badStatus = [new("CallSid", sid), new("AccountSid", twilio.Options.AccountSid), new("CallStatus", "completed"), new("SequenceNumber", "first"), new("CallDuration", "99999999999999999999")];

        var voice = await twilio.PostAsync("/twilio/voice", badVoice);
        var status = await twilio.PostAsync("/twilio/voice/status", badStatus);
        var empty = await twilio.PostAsync("/twilio/voice/status", []);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [voice.StatusCode, status.StatusCode, empty.StatusCode]);
        var problem = await voice.Content.ReadAsStringAsync();
        Assert.Contains("CallStatus", problem, StringComparison.Ordinal);
        Assert.Contains("AccountSid", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("exploded", problem, StringComparison.Ordinal);
        Assert.Null(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task GetCall_PatientAssignedToAnotherConsultant_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var consultant = await hub.SignInAsAsync(Roles.Agent);
        var other = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var phone = UniqueData.ChinaMobile();
        var patientId = await CreatePatientAsync(consultant, phone);
        await supervisor.Client.PutAsJsonAsync($"/api/patients/{patientId}/assignment", new { userId = consultant.User.Id });
        var sid = TwilioWebhookClient.Sid("CA");
        await twilio.PostAsync("/twilio/voice", twilio.Voice(sid, phone));

        var hidden = await other.Client.GetAsync($"/api/calls/{sid}");
        var visible = await consultant.Client.GetAsync($"/api/calls/{sid}");
        var unknown = await consultant.Client.GetAsync($"/api/calls/{TwilioWebhookClient.Sid("CA")}");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound], [hidden.StatusCode, visible.StatusCode, unknown.StatusCode]);
    }

    internal static async Task<Guid> CreatePatientAsync(SignedInClient agent, string phone)
    {
        var created = await agent.Client.PostAsJsonAsync("/api/patients", new { fullName = UniqueData.Name("caller"), phones = new[] { new { number = phone } } });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    private sealed record IdOnly(Guid Id);
}
