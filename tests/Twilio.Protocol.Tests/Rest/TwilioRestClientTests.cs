using System.Net;
using Twilio.Protocol.Rest;

namespace Twilio.Protocol.Tests.Rest;

public sealed class TwilioRestClientTests : IDisposable
{
    private readonly StubTwilio _twilio = new();

    public void Dispose() => _twilio.Dispose();

    [Fact]
    public async Task CreateCallAsync_FullRequest_PostsFormWithRepeatedEventsAndBasicAuth()
    {
        _twilio.RespondCall();

        var call = await _twilio.Client().CreateCallAsync(new CreateCallRequest
        {
            To = "+8613800138000",
            From = "+861065529988",
            Url = "/twilio/voice/outbound?reminder=1",
            StatusCallback = "https://hub.example.com/twilio/status",
            StatusCallbackEvent = [CallProgressEvent.Initiated, CallProgressEvent.Ringing, CallProgressEvent.Answered, CallProgressEvent.Completed],
            MachineDetection = MachineDetection.DetectMessageEnd,
            Timeout = 30,
        });

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{StubTwilio.AccountSid}/Calls.json", request.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal((StubTwilio.AccountSid, StubTwilio.AuthToken), (request.BasicUser, request.BasicSecret));
        Assert.Equal(
            [
                new("To", "+8613800138000"), new("From", "+861065529988"), new("Url", "https://hub.example.com/twilio/voice/outbound?reminder=1"),
                new("StatusCallback", "https://hub.example.com/twilio/status"),
                new("StatusCallbackEvent", "initiated"), new("StatusCallbackEvent", "ringing"), new("StatusCallbackEvent", "answered"),
                new("StatusCallbackEvent", "completed"), new("MachineDetection", "DetectMessageEnd"), new("Timeout", "30"),
            ],
            request.Form);
        Assert.Equal(("CA0123456789abcdef0123456789abcdef", Twilio.Protocol.Webhooks.CallStatus.Queued), (call.Sid, call.Status));
    }

    [Fact]
    public async Task CreateCallAsync_ApiKeyConfigured_AuthenticatesWithKeyAndKeepsAccountInPath()
    {
        _twilio.RespondCall();

        await _twilio.Client(o => (o.ApiKeySid, o.ApiKeySecret) = ("SK0123456789abcdef0123456789abcdef", "key-secret"))
            .CreateCallAsync(new CreateCallRequest { To = "+8613800138000", From = "+861065529988", Twiml = "<Response><Hangup/></Response>" });

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(("SK0123456789abcdef0123456789abcdef", "key-secret"), (request.BasicUser, request.BasicSecret));
        Assert.Contains($"/Accounts/{StubTwilio.AccountSid}/Calls.json", request.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCallAsync_ConfiguredBaseUrl_SendsThere()
    {
        _twilio.RespondCall();

        await _twilio.Client(o => o.ApiBaseUrl = "http://127.0.0.1:4010").CreateCallAsync(
            new CreateCallRequest { To = "+8613800138000", From = "+861065529988", ApplicationSid = "AP0123456789abcdef0123456789abcdef" });

        Assert.StartsWith("http://127.0.0.1:4010/2010-04-01/", _twilio.Requests[0].Uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCallAsync_RelativeUrlWithEscapes_ResolvedAgainstPublicBaseUnchanged()
    {
        _twilio.RespondCall();

        await _twilio.Client(o => o.PublicBaseUrl = "https://example.com/hub/").UpdateCallAsync(
            "CA1", UpdateCallRequest.RedirectTo("/twilio/voice?name=%E5%BC%A0&x=a%20b"));

        Assert.Equal([new("Url", "https://example.com/hub/twilio/voice?name=%E5%BC%A0&x=a%20b")], _twilio.Requests[0].Form);
    }

    [Fact]
    public async Task UpdateCallAsync_Hangup_PostsStatusCompletedToCall()
    {
        _twilio.RespondCall();

        await _twilio.Client().UpdateCallAsync("CA0123456789abcdef0123456789abcdef", UpdateCallRequest.Hangup());

        var request = Assert.Single(_twilio.Requests);
        Assert.EndsWith("/Calls/CA0123456789abcdef0123456789abcdef.json", request.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal([new("Status", "completed")], request.Form);
    }

    [Fact]
    public async Task CreateMessageAsync_ChineseBodyWithService_PostsUtf8Form()
    {
        _twilio.Respond(HttpStatusCode.Created, """{"sid":"SM1","account_sid":"AC1","status":"accepted","num_segments":"2","error_code":null}""");

        var message = await _twilio.Client().CreateMessageAsync(new CreateMessageRequest
        {
            To = "+8613800138000", MessagingServiceSid = "MG0123456789abcdef0123456789abcdef", Body = "您的预约已确认 & 谢谢 +1", StatusCallback = "/twilio/sms/status",
        });

        Assert.Equal(
            [
                new("To", "+8613800138000"), new("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"), new("Body", "您的预约已确认 & 谢谢 +1"),
                new("StatusCallback", "https://hub.example.com/twilio/sms/status"),
            ],
            _twilio.Requests[0].Form);
        Assert.Equal((Twilio.Protocol.Webhooks.MessageStatus.Accepted, 2, null), (message.Status, message.NumSegments, message.ErrorCode));
    }

    [Fact]
    public async Task CreateMessageAsync_Throttled20429ThenAccepted_RetriesOnceAfterBaseDelay()
    {
        _twilio.RespondError(HttpStatusCode.TooManyRequests, TwilioErrorCodes.TooManyRequests)
            .Respond(HttpStatusCode.Created, """{"sid":"SM1","account_sid":"AC1","status":"queued"}""");

        var message = await _twilio.Client().CreateMessageAsync(Sms());

        Assert.Equal("SM1", message.Sid);
        Assert.Equal(2, _twilio.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _twilio.Delays);
    }

    [Fact]
    public async Task CreateMessageAsync_ThrottledWithRetryAfter_WaitsAsAsked()
    {
        _twilio.Respond(HttpStatusCode.TooManyRequests, "{}", retryAfter: TimeSpan.FromSeconds(7))
            .Respond(HttpStatusCode.Created, """{"sid":"SM1","account_sid":"AC1","status":"queued"}""");

        await _twilio.Client().CreateMessageAsync(Sms());

        Assert.Equal([TimeSpan.FromSeconds(7)], _twilio.Delays);
    }

    [Fact]
    public async Task CreateMessageAsync_RecipientOptedOut_ThrowsTypedWithoutRetry()
    {
        _twilio.RespondError(HttpStatusCode.BadRequest, TwilioErrorCodes.RecipientOptedOut);

        var error = await Assert.ThrowsAsync<TwilioRecipientOptedOutException>(() => _twilio.Client().CreateMessageAsync(Sms()));

        Assert.Equal((400, 21610, true, false), (error.HttpStatus, error.Code!.Value, error.IsPermanent, error.IsTransient));
        Assert.Single(_twilio.Requests);
        Assert.Empty(_twilio.Delays);
    }

    [Fact]
    public async Task CreateCallAsync_InvalidToNumber_ThrowsTypedWithoutRetryOrPhoneInMessage()
    {
        _twilio.RespondError(HttpStatusCode.BadRequest, TwilioErrorCodes.InvalidToNumber);

        var error = await Assert.ThrowsAsync<TwilioInvalidToNumberException>(() => _twilio.Client().CreateCallAsync(Call()));

        Assert.Equal(21211, error.Code);
        Assert.DoesNotContain("+86", error.Message, StringComparison.Ordinal);
        Assert.Contains("+8613800138000", error.TwilioMessage, StringComparison.Ordinal);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task CreateCallAsync_ServerErrorEveryTime_RetriesWithDoublingDelaysThenThrows()
    {
        for (var i = 0; i < 4; i++)
        {
            _twilio.Respond(HttpStatusCode.InternalServerError, "<html>oops</html>");
        }

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => _twilio.Client().CreateCallAsync(Call()));

        Assert.Equal((500, (int?)null, true), (error.HttpStatus, error.Code, error.IsTransient));
        Assert.Equal(4, _twilio.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _twilio.Delays);
    }

    [Fact]
    public async Task CreateCallAsync_ServerErrorThenSuccess_ReturnsCall()
    {
        _twilio.Respond(HttpStatusCode.ServiceUnavailable, "{}").RespondCall("CA9");

        var call = await _twilio.Client().CreateCallAsync(Call());

        Assert.Equal("CA9", call.Sid);
        Assert.Equal(2, _twilio.Requests.Count);
    }

    [Fact]
    public async Task CreateCallAsync_LongBackoff_CappedAtMaxDelay()
    {
        for (var i = 0; i < 3; i++)
        {
            _twilio.Respond(HttpStatusCode.BadGateway, "{}");
        }

        await Assert.ThrowsAsync<TwilioApiException>(() => _twilio.Client(o =>
        {
            o.MaxAttempts = 3;
            o.RetryBaseDelay = TimeSpan.FromSeconds(20);
        }).CreateCallAsync(Call()));

        Assert.Equal([TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)], _twilio.Delays);
    }

    [Fact]
    public async Task CreateCallAsync_OtherClientError_NotRetried()
    {
        _twilio.RespondError(HttpStatusCode.BadRequest, 21205);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => _twilio.Client().CreateCallAsync(Call()));

        Assert.Equal((21205, false, false), (error.Code!.Value, error.IsTransient, error.IsPermanent));
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task Failures_LoggedAndThrown_NeverShowTheTokenOrKeySecret()
    {
        _twilio.Respond(HttpStatusCode.InternalServerError, "{}").Respond(HttpStatusCode.InternalServerError, "{}");
        var options = new TwilioOptions { AccountSid = StubTwilio.AccountSid, AuthToken = StubTwilio.AuthToken, ApiKeySecret = "key-secret" };

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => _twilio.Client(o => o.MaxAttempts = 2).CreateCallAsync(Call()));

        Assert.NotEmpty(_twilio.Logger.Messages);
        foreach (var text in _twilio.Logger.Messages.Append(error.ToString()).Append(options.ToString()!))
        {
            Assert.DoesNotContain(StubTwilio.AuthToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("key-secret", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task CreateCallAsync_InvalidRequest_ThrowsBeforeSending(CreateCallRequest request, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _twilio.Client().CreateCallAsync(request));

        Assert.Equal(field, error.ParamName);
        Assert.Empty(_twilio.Requests);
    }

    public static TheoryData<CreateCallRequest, string> InvalidCalls => new()
    {
        { Call() with { Url = null }, "Url" },
        { Call() with { Twiml = "<Response/>" }, "Url" },
        { Call() with { To = " " }, "To" },
        { Call() with { Timeout = 601 }, "Timeout" },
        { Call() with { Url = null, Twiml = new string('x', 4001) }, "Twiml" },
        { Call() with { Url = "ftp://example.com/twiml" }, "Url" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task CreateMessageAsync_InvalidRequest_ThrowsBeforeSending(CreateMessageRequest request, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _twilio.Client().CreateMessageAsync(request));

        Assert.Equal(field, error.ParamName);
        Assert.Empty(_twilio.Requests);
    }

    public static TheoryData<CreateMessageRequest, string> InvalidMessages => new()
    {
        { Sms() with { From = null }, "From" },
        { Sms() with { MessagingServiceSid = "MG1" }, "From" },
        { Sms() with { Body = null }, "Body" },
        { Sms() with { Body = new string('预', 1601) }, "Body" },
        { Sms() with { MediaUrl = Enumerable.Repeat("https://m/x.png", 11).ToList() }, "MediaUrl" },
    };

    [Fact]
    public async Task CreateMessageAsync_Body1600Characters_IsSent()
    {
        _twilio.Respond(HttpStatusCode.Created, """{"sid":"SM1","account_sid":"AC1"}""");

        await _twilio.Client().CreateMessageAsync(Sms() with { Body = new string('预', 1600) });

        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task UpdateCallAsync_BothUrlAndStatus_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _twilio.Client().UpdateCallAsync("CA1", new UpdateCallRequest { Url = "/x", Status = CallEndStatus.Canceled }));

        Assert.Empty(_twilio.Requests);
    }

    private static CreateCallRequest Call() => new() { To = "+8613800138000", From = "+861065529988", Url = "https://hub.example.com/twilio/voice" };

    private static CreateMessageRequest Sms() => new() { To = "+8613800138000", From = "+861065529988", Body = "您好" };
}
