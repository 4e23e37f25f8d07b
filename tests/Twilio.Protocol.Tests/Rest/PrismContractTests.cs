using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.TwiML;

namespace Twilio.Protocol.Tests.Rest;

/// <summary>
/// Our REST requests against Twilio's own OpenAPI spec, served by Prism (path, Basic auth, content type, enums,
/// patterns, required fields). Prism does not know the one-of rules; those are checked before sending.
/// </summary>
public sealed class PrismContractTests(PrismFixture prism) : IClassFixture<PrismFixture>, IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CreateCallAsync_UrlWithEventsAndDetection_AcceptedBySpec()
    {
        var call = await Client().CreateCallAsync(new CreateCallRequest
        {
            To = "+8613800138000",
            From = "+861065529988",
            Url = "/twilio/voice/outbound?reminder=1&lang=zh-CN",
            Method = CallbackMethod.Post,
            StatusCallback = "/twilio/status",
            StatusCallbackEvent = [CallProgressEvent.Initiated, CallProgressEvent.Ringing, CallProgressEvent.Answered, CallProgressEvent.Completed],
            StatusCallbackMethod = CallbackMethod.Post,
            MachineDetection = MachineDetection.Enable,
            Timeout = 30,
        });

        Assert.StartsWith("CA", call.Sid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCallAsync_InlineChineseTwiml_AcceptedBySpec()
    {
        var twiml = new VoiceResponse().Say("您好，这是第一人民医院的预约提醒。", language: "zh-CN").Hangup().ToXml();

        var call = await Client().CreateCallAsync(new CreateCallRequest { To = "+8613800138000", From = "+861065529988", Twiml = twiml });

        Assert.StartsWith("CA", call.Sid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCallAsync_ApiKeyAndApplication_AcceptedBySpec()
    {
        var client = Client(o => (o.ApiKeySid, o.ApiKeySecret) = ("SK0123456789abcdef0123456789abcdef", "key-secret"));

        var call = await client.CreateCallAsync(new CreateCallRequest
        {
            To = "client:agent-1", From = "+861065529988", ApplicationSid = "AP0123456789abcdef0123456789abcdef",
        });

        Assert.StartsWith("CA", call.Sid, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Updates))]
    public async Task UpdateCallAsync_RedirectOrEnd_AcceptedBySpec(UpdateCallRequest update)
    {
        var call = await Client().UpdateCallAsync(CallSid, update);

        Assert.StartsWith("CA", call.Sid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchCallAsync_BySid_AcceptedBySpecAndReadsTheCall()
    {
        var call = await Client().FetchCallAsync(CallSid);

        Assert.StartsWith("CA", call.Sid, StringComparison.Ordinal);
        Assert.NotNull(call.Status);
    }

    public static TheoryData<UpdateCallRequest> Updates => new()
    {
        UpdateCallRequest.RedirectTo("https://hub.example.com/twilio/voice/transfer"),
        new UpdateCallRequest { Url = "/twilio/voice/transfer", Method = CallbackMethod.Get },
        new UpdateCallRequest { Twiml = new VoiceResponse().Say("正在为您转接。", language: "zh-CN").ToXml() },
        UpdateCallRequest.Hangup(),
        UpdateCallRequest.Cancel(),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task CreateMessageAsync_SenderAndContentVariants_AcceptedBySpec(CreateMessageRequest request)
    {
        var message = await Client().CreateMessageAsync(request);

        Assert.StartsWith("SM", message.Sid, StringComparison.Ordinal);
    }

    public static TheoryData<CreateMessageRequest> Messages => new()
    {
        new CreateMessageRequest { To = "+8613800138000", From = "+861065529988", Body = "您的预约已确认：11月24日 09:30。回复 STOP 退订。", StatusCallback = "/twilio/sms/status" },
        new CreateMessageRequest { To = "+8613800138000", MessagingServiceSid = "MG0123456789abcdef0123456789abcdef", Body = "Emoji 👍 & plus +86" },
        new CreateMessageRequest
        {
            To = "+8613800138000", From = "+861065529988", MediaUrl = ["https://hub.example.com/media/a.png", "https://hub.example.com/media/b.png"],
        },
    };

    [Fact]
    public async Task ListMessagesAsync_ToFromAndDateSentFilters_AcceptedBySpec()
    {
        var page = await Client().ListMessagesAsync(new MessageListFilter
        {
            To = "+8613800138000", From = "+861065529988", SentOnOrAfter = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), PageSize = 50,
        });

        Assert.NotNull(page.Messages);
    }

    [Fact]
    public async Task PostOnceAsync_CallWithoutTo_RefusedBySpec()
    {
        var client = Client();

        var (status, _, _) = await client.PostOnceAsync(
            client.AccountPath("Calls.json"), [new("From", "+861065529988"), new("Url", "https://hub.example.com/twilio/voice")], CancellationToken.None);

        Assert.InRange((int)status, 400, 499);
    }

    [Fact]
    public async Task PostOnceAsync_MessageWithoutTo_RefusedBySpec()
    {
        var client = Client();

        var (status, _, _) = await client.PostOnceAsync(client.AccountPath("Messages.json"), [new("From", "+861065529988"), new("Body", "x")], CancellationToken.None);

        Assert.InRange((int)status, 400, 499);
    }

    [Fact]
    public async Task CreateCallAsync_BadAccountSid_RefusedBySpec()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() => Client(o => o.AccountSid = "AC123").CreateCallAsync(new CreateCallRequest
        {
            To = "+8613800138000", From = "+861065529988", Url = "https://hub.example.com/twilio/voice",
        }));

        Assert.InRange(error.HttpStatus, 400, 499);
    }

    [Fact]
    public async Task PostOnceAsync_UnknownCallStatus_RefusedBySpec()
    {
        var client = Client();

        var (status, _, _) = await client.PostOnceAsync(client.AccountPath($"Calls/{CallSid}.json"), [new("Status", "paused")], CancellationToken.None);

        Assert.InRange((int)status, 400, 499);
    }

    [Fact]
    public async Task Post_WithoutBasicAuth_Refused401()
    {
        using var content = new FormUrlEncodedContent([new("To", "+8613800138000"), new("From", "+861065529988"), new("Url", "https://hub.example.com/x")]);

        using var response = await _http.PostAsync(new Uri(prism.BaseUrl, $"/2010-04-01/Accounts/{AccountSid}/Calls.json"), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_JsonBody_Refused415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(prism.BaseUrl, $"/2010-04-01/Accounts/{AccountSid}/Calls.json"))
        {
            Content = new StringContent("""{"To":"+8613800138000","From":"+861065529988","Url":"https://hub.example.com/x"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":token")));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private TwilioRestClient Client(Action<TwilioOptions>? configure = null)
    {
        var options = new TwilioOptions
        {
            AccountSid = AccountSid, AuthToken = "token", ApiBaseUrl = prism.BaseUrl.ToString(), PublicBaseUrl = "https://hub.example.com", MaxAttempts = 1,
        };
        configure?.Invoke(options);
        return new TwilioRestClient(_http, Options.Create(options), (_, _) => Task.CompletedTask, NullLogger<TwilioRestClient>.Instance);
    }
}
