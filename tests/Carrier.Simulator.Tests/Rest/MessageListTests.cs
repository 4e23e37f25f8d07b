using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Carrier.Simulator.Messaging;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Rest;

/// <summary>Twilio's Messages list on the simulator: filters, paging fields, and the hub's client reading it.</summary>
public sealed class MessageListTests : IAsyncLifetime
{
    private const string Other = "+8613900139000";
    private const string ListPath = "/simulator/2010-04-01/Accounts/" + SimulatorHarness.AccountSid + "/Messages.json";
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListMessagesAsync_ByRecipientAndSentAfter_FindsOnlyThoseNewestFirst()
    {
        var start = _host.Time.GetUtcNow();
        await SendAsync(SimulatorHarness.Patient, "第一条");
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await SendAsync(SimulatorHarness.Patient, "第二条");
        await SendAsync(Other, "别人的");
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        var third = await SendAsync(SimulatorHarness.Patient, "第三条");

        var listed = await _host.Rest.ListMessagesAsync(SimulatorHarness.Patient, start.AddMinutes(5));

        Assert.Equal([third, second], listed.Select(m => m.Sid));
        Assert.Equal(["第三条", "第二条"], listed.Select(m => m.Body));
        Assert.All(listed, m => Assert.Equal(MessageStatus.Delivered, m.Status));
        Assert.Equal(start.AddMinutes(20), listed[0].DateSent);
        Assert.Equal(3, (await _host.Rest.ListMessagesAsync(SimulatorHarness.Patient, null)).Count);
    }

    [Fact]
    public async Task ListMessagesAsync_MoreThanOnePage_FollowsNextPageUriToTheEnd()
    {
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await SendAsync(SimulatorHarness.Patient, "提醒 " + i));
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var listed = await _host.Rest.ListMessagesAsync(SimulatorHarness.Patient, null, pageSize: 2);

        Assert.Equal(Enumerable.Reverse(sent), listed.Select(m => m.Sid));
    }

    [Fact]
    public async Task List_PagingFields_AsTwilioAnswersThem()
    {
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await SendAsync(SimulatorHarness.Patient, "提醒 " + i));
        }

        sent.Reverse();
        var first = await GetAsync("?To=%2B8613800138000&DateSent%3E=2026-11-23&PageSize=2");
        var prefix = "/2010-04-01/Accounts/" + SimulatorHarness.AccountSid + "/Messages.json?To=%2B8613800138000&DateSent%3E=2026-11-23&PageSize=2";

        Assert.Equal((0, 2, 0, 1), (Int(first, "page"), Int(first, "page_size"), Int(first, "start"), Int(first, "end")));
        Assert.Equal(prefix + "&Page=0", Text(first, "first_page_uri"));
        Assert.Equal(prefix + "&Page=0", Text(first, "uri"));
        Assert.Null(first["previous_page_uri"]);
        Assert.Equal(prefix + "&Page=1&PageToken=PA" + sent[1], Text(first, "next_page_uri"));
        Assert.Equal(sent[..2], Sids(first));

        var second = await GetAsync(Text(first, "next_page_uri")!);
        Assert.Equal((1, 2, 3), (Int(second, "page"), Int(second, "start"), Int(second, "end")));
        Assert.Equal(prefix + "&Page=0", Text(second, "previous_page_uri"));
        Assert.Equal(sent[2..4], Sids(second));

        var last = await GetAsync(Text(second, "next_page_uri")!);
        Assert.Equal(sent[4..], Sids(last));
        Assert.Null(last["next_page_uri"]);
    }

    [Theory]
    [InlineData("?DateSent=2026-11-23", true)]
    [InlineData("?DateSent=2026-11-22", false)]
    [InlineData("?DateSent%3C=2026-11-22", false)]
    [InlineData("?DateSent%3C=2026-11-23", true)]
    [InlineData("?DateSent%3E=2026-11-23T09:00:00Z", true)]
    [InlineData("?DateSent%3E=2026-11-23T09:00:01Z", false)]
    [InlineData("?From=%2B861012345678", true)]
    [InlineData("?From=%2B861099999999", false)]
    public async Task List_DateAndSenderFilters_MatchAsTwilioDescribesThem(string query, bool found)
    {
        var sid = await SendAsync(SimulatorHarness.Patient, "复诊提醒");

        var page = await GetAsync(query);

        Assert.Equal(found ? [sid] : [], Sids(page));
    }

    [Theory]
    [InlineData("?PageSize=0", "PageSize")]
    [InlineData("?PageSize=1001", "PageSize")]
    [InlineData("?DateSent%3E=yesterday", "DateSent>")]
    [InlineData("?Page=-1", "Page")]
    public async Task List_BadParameter_Answers400NamingIt(string query, string parameter)
    {
        using var response = await SendRawAsync(HttpMethod.Get, ListPath + query, authorized: true);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(20001, (int)error["code"]!);
        Assert.Contains(parameter, (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithoutCredentials_Answers401()
    {
        using var response = await SendRawAsync(HttpMethod.Get, ListPath, authorized: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_PagesWithOutboundInboundAndNone_MatchTwilioSpecExactly()
    {
        await SendAsync(SimulatorHarness.Patient, "您的预约已确认。回复 STOP 退订。");
        using var reply = await _host.Client.PostAsJsonAsync("/simulator/sms", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber, body = "1" });
        reply.EnsureSuccessStatusCode();
        await SendAsync(Other, "另一位");

        var bodies = new JsonArray(
            (await GetAsync("?PageSize=2")).ToJsonString(),
            (await GetAsync("?To=%2B8613800138000")).ToJsonString(),
            (await GetAsync("?To=%2B8610000000000")).ToJsonString());
        var input = new JsonObject
        {
            ["path"] = "/2010-04-01/Accounts/{AccountSid}/Messages.json",
            ["method"] = "get",
            ["status"] = 200,
            ["bodies"] = bodies,
        };
        var results = JsonNode.Parse(await TwilioReference.RunNodeAsync("response-schema.js", input.ToJsonString()))!.AsArray();

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True((bool)r!["valid"]!, string.Join("; ", r!["errors"]!.AsArray().Select(e => (string?)e))));
    }

    [Fact]
    public async Task CreateMessage_Answer_MatchesTwilioSpecExactly()
    {
        using var created = await CreateRawAsync("您的预约已确认。");
        var input = new JsonObject
        {
            ["path"] = "/2010-04-01/Accounts/{AccountSid}/Messages.json",
            ["method"] = "post",
            ["status"] = 201,
            ["bodies"] = new JsonArray(await created.Content.ReadAsStringAsync()),
        };

        var result = JsonNode.Parse(await TwilioReference.RunNodeAsync("response-schema.js", input.ToJsonString()))!.AsArray().Single()!;

        Assert.True((bool)result["valid"]!, string.Join("; ", result["errors"]!.AsArray().Select(e => (string?)e)));
    }

    [Fact]
    public async Task MessageCreates_OverTheConfiguredRate_Answer429WithRetryAfterUntilTheNextSecond()
    {
        using var set = await _host.Client.PutAsJsonAsync("/simulator/limits", new { messageCreatesPerSecond = 2 });
        set.EnsureSuccessStatusCode();
        await SendAsync(SimulatorHarness.Patient, "一");
        await SendAsync(SimulatorHarness.Patient, "二");

        using var throttled = await CreateRawAsync("三");
        var error = JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!;
        var refused = await Assert.ThrowsAsync<TwilioApiException>(() => _host.Rest.CreateMessageAsync(Message("三")));
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        using var next = await CreateRawAsync("三");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(20429, (int)error["code"]!);
        Assert.Equal(429, refused.HttpStatus);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(3, _host.Services.GetRequiredService<MessageStore>().Thread(SimulatorHarness.Patient).Count);
    }

    [Fact]
    public async Task Limits_SetToNull_LiftsTheLimitAndABadValueIsRefused()
    {
        using var bad = await _host.Client.PutAsJsonAsync("/simulator/limits", new { messageCreatesPerSecond = 0 });
        using var one = await _host.Client.PutAsJsonAsync("/simulator/limits", new { messageCreatesPerSecond = 1 });
        using var off = await _host.Client.PutAsJsonAsync("/simulator/limits", new { messageCreatesPerSecond = (int?)null });
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(SimulatorHarness.Patient, "无限制 " + i);
        }

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("messageCreatesPerSecond", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Null(JsonNode.Parse(await off.Content.ReadAsStringAsync())!["messageCreatesPerSecond"]);
    }

    private static CreateMessageRequest Message(string body) =>
        new() { To = SimulatorHarness.Patient, From = SimulatorHarness.HubNumber, Body = body };

    /// <summary>Sends through the REST API and waits until the carrier has sent it on (its status callbacks done).</summary>
    private async Task<string> SendAsync(string to, string body)
    {
        var created = await _host.Rest.CreateMessageAsync(new CreateMessageRequest { To = to, From = SimulatorHarness.HubNumber, Body = body });
        var message = _host.Services.GetRequiredService<MessageStore>().Thread(to).Single(m => m.Sid == created.Sid);
        await message.Delivery.WaitAsync(TimeSpan.FromSeconds(30));
        return created.Sid;
    }

    private async Task<HttpResponseMessage> CreateRawAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ListPath)
        {
            Content = new FormUrlEncodedContent([new("To", SimulatorHarness.Patient), new("From", SimulatorHarness.HubNumber), new("Body", body)]),
        };
        Authorize(request);
        return await _host.Client.SendAsync(request);
    }

    /// <summary>GETs a list page: a query string on the list path, or a Twilio-relative <c>next_page_uri</c>.</summary>
    private async Task<JsonObject> GetAsync(string queryOrUri)
    {
        var path = queryOrUri.StartsWith('?') ? ListPath + queryOrUri : "/simulator" + queryOrUri;
        using var response = await SendRawAsync(HttpMethod.Get, path, authorized: true);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, bool authorized)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorized)
        {
            Authorize(request);
        }

        return await _host.Client.SendAsync(request);
    }

    private static void Authorize(HttpRequestMessage request) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(SimulatorHarness.AccountSid + ":" + SimulatorHarness.AuthToken)));

    private static string[] Sids(JsonObject page) => [.. page["messages"]!.AsArray().Select(m => (string)m!["sid"]!)];

    private static int Int(JsonObject page, string name) => page[name]!.GetValue<int>();

    private static string? Text(JsonObject page, string name) => page[name]?.GetValue<string>();
}
