using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallCenter.Api.Telephony;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Calls;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>
/// Issue 15 point 11: a /twilio body is form-encoded and at most 64 KB before its signature is computed. The requests
/// here are correctly signed, so only the body's type or size can refuse them.
/// </summary>
public sealed class WebhookBodyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_SignedBodyOver64KB_Returns413AndStoresNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");
        var form = Padded(twilio.Voice(sid, UniqueData.ChinaMobile()));

        var response = await twilio.PostAsync("/twilio/voice", form);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Null(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Sms_SignedBodyOver64KB_Returns413AndStoresNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var agent = await hub.SignInAsAsync(CallCenter.Core.Accounts.Roles.Agent);
        var sid = TwilioWebhookClient.Sid("SM");

        var response = await twilio.PostAsync("/twilio/sms", Padded(twilio.Sms(sid, UniqueData.ChinaMobile(), "hello")));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync($"/api/messages/{sid}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_SignedJustUnder64KB_IsAnswered(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");
        var form = twilio.Voice(sid, UniqueData.ChinaMobile());
        var size = (await new FormUrlEncodedContent(form).ReadAsByteArrayAsync()).Length;
        var exact = form.Append(new("Padding", new string('x', TwilioBodyFilter.MaxBodyBytes - size - "&Padding=".Length))).ToList();

        var response = await twilio.PostAsync("/twilio/voice", exact);

        Assert.Equal(TwilioBodyFilter.MaxBodyBytes, (await new FormUrlEncodedContent(exact).ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_SignedJsonBody_Returns415(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");
        using var content = JsonContent.Create(twilio.Voice(sid, UniqueData.ChinaMobile()).ToDictionary(p => p.Key, p => p.Value));

        // Signed over the URL alone, as a JSON body carries no form parameters to sign.
        var response = await SendAsync(hub, "/twilio/voice", content, twilio.Sign("/twilio/voice", []));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Null(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Voice_SignedMultipartBody_Returns415AndStoresNothing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var sid = TwilioWebhookClient.Sid("CA");
        var form = twilio.Voice(sid, UniqueData.ChinaMobile());
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in form)
        {
            content.Add(new StringContent(value), key);
        }

        var response = await SendAsync(hub, "/twilio/voice", content, twilio.Sign("/twilio/voice", form));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Null(await hub.Services.GetRequiredService<ICallRepository>().FindBySidAsync(sid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SmsStatus_SignedTextBody_Returns415(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        using var content = new StringContent("MessageSid=SM1&MessageStatus=delivered", Encoding.UTF8, "text/plain");

        var response = await SendAsync(hub, "/twilio/sms/status", content, twilio.Sign("/twilio/sms/status", []));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    private static List<KeyValuePair<string, string>> Padded(IReadOnlyList<KeyValuePair<string, string>> form) =>
        [.. form, new("Padding", new string('x', TwilioBodyFilter.MaxBodyBytes))];

    private static async Task<HttpResponseMessage> SendAsync(ApiFactory hub, string path, HttpContent content, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(TwilioWebhookHeaders.Signature, signature);
        return await hub.CreateClient().SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }
}

