using System.Net;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Tests.Rest;

/// <summary>The Messages list and the single-attempt create, against a stub that records the wire.</summary>
public sealed class MessageListClientTests : IDisposable
{
    private readonly StubTwilio _twilio = new();

    public void Dispose() => _twilio.Dispose();

    [Fact]
    public async Task ListMessagesAsync_Filters_SendsTwiliosQueryAndReadsThePage()
    {
        _twilio.Respond(HttpStatusCode.OK, """
            {"messages":[{"sid":"SM1","status":"delivered","to":"+8613800138000","from":"+861065529988","body":"您好",
              "date_created":"Mon, 23 Nov 2026 02:00:00 +0000","date_sent":"Mon, 23 Nov 2026 02:00:01 +0000","error_code":null}],
             "page":0,"page_size":2,"start":0,"end":0,"uri":"/x","first_page_uri":"/x",
             "next_page_uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json?To=%2B8613800138000&Page=1&PageSize=2&PageToken=PASM1",
             "previous_page_uri":null}
            """);

        var page = await _twilio.Client().ListMessagesAsync(new MessageListFilter
        {
            To = "+8613800138000", From = "+861065529988", SentOnOrAfter = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), PageSize = 2,
        });

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            $"/2010-04-01/Accounts/{StubTwilio.AccountSid}/Messages.json?To=%2B8613800138000&From=%2B861065529988&DateSent%3E=2026-11-23T02%3A00%3A00Z&PageSize=2",
            request.Uri.PathAndQuery);
        var message = Assert.Single(page.Messages);
        Assert.Equal(("SM1", MessageStatus.Delivered, "您好"), (message.Sid, message.Status, message.Body));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 0, 1, TimeSpan.Zero), message.DateSent);
        Assert.EndsWith("PageToken=PASM1", page.NextPageUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMessagesPageAsync_NotAnApiPath_IsRefusedBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _twilio.Client().ListMessagesPageAsync("https://elsewhere.example.com/steal"));

        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task CreateMessageOnceAsync_Throttled_ThrowsAtOnceWithRetryAfter()
    {
        _twilio.RespondError(HttpStatusCode.TooManyRequests, TwilioErrorCodes.TooManyRequests);
        _twilio.Respond(HttpStatusCode.TooManyRequests, """{"code":20429,"message":"Too Many Requests","status":429}""", TimeSpan.FromSeconds(9));

        var first = await Assert.ThrowsAsync<TwilioApiException>(() =>
            _twilio.Client().CreateMessageOnceAsync(new CreateMessageRequest { To = "+8613800138000", From = "+861065529988", Body = "x" }));
        var second = await Assert.ThrowsAsync<TwilioApiException>(() =>
            _twilio.Client().CreateMessageOnceAsync(new CreateMessageRequest { To = "+8613800138000", From = "+861065529988", Body = "x" }));

        Assert.Equal(2, _twilio.Requests.Count);
        Assert.Empty(_twilio.Delays);
        Assert.Equal((429, (TimeSpan?)null), (first.HttpStatus, first.RetryAfter));
        Assert.Equal(TimeSpan.FromSeconds(9), second.RetryAfter);
    }
}
