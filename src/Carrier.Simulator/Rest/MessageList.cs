using System.Globalization;
using System.Text.Json.Nodes;
using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace Carrier.Simulator.Rest;

/// <summary>
/// Twilio's Messages list (<c>GET Messages.json</c>): filters <c>To</c>, <c>From</c>, <c>DateSent&gt;</c> (on or after,
/// what Twilio's docs write as <c>DateSent&gt;=</c>); newest first; paged with <c>PageSize</c> (1-1000, default 50) and
/// <c>Page</c>, answered in Twilio's shape (<c>messages</c>, <c>page</c>, <c>page_size</c>, <c>next_page_uri</c>, ...).
/// And a test control: <c>POST /simulator/rest/throttle</c> makes the next message creates answer 429 with Retry-After.
/// </summary>
internal static class MessageList
{
    public static IResult ListAsync(string accountSid, HttpRequest request, MessageStore store, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        var query = request.Query;
        var pageSize = 50;
        if (query["PageSize"] is { Count: > 0 } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 20001, "PageSize must be between 1 and 1000");
        }

        var page = 0;
        if (query["Page"] is { Count: > 0 } number && (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 0))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 20001, "Page must be 0 or more");
        }

        DateTimeOffset? since = null;
        if (query["DateSent>"] is { Count: > 0 } after)
        {
            if (!DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return RestJson.Error(StatusCodes.Status400BadRequest, 20001, "DateSent> must be a date or an ISO 8601 date-time");
            }

            since = parsed;
        }

        var to = query["To"] is { Count: > 0 } t ? t.ToString() : null;
        var from = query["From"] is { Count: > 0 } f ? f.ToString() : null;
        var all = store.List(to, from, since);
        var items = all.Skip(page * pageSize).Take(pageSize).ToList();
        var path = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        string Uri(int p) => path + "?" + string.Join('&', new[]
        {
            to is null ? null : "To=" + System.Uri.EscapeDataString(to),
            from is null ? null : "From=" + System.Uri.EscapeDataString(from),
            since is null ? null : "DateSent%3E=" + System.Uri.EscapeDataString(query["DateSent>"].ToString()),
            "PageSize=" + pageSize.ToString(CultureInfo.InvariantCulture),
            "Page=" + p.ToString(CultureInfo.InvariantCulture),
        }.Where(part => part is not null));

        var messages = new JsonArray();
        foreach (var message in items)
        {
            messages.Add(RestJson.MessageNode(message, created: false));
        }

        var hasNext = (page + 1) * pageSize < all.Count;
        return Results.Json(new JsonObject
        {
            ["messages"] = messages,
            ["end"] = page * pageSize + Math.Max(items.Count - 1, 0),
            ["first_page_uri"] = Uri(0),
            ["next_page_uri"] = hasNext ? Uri(page + 1) + "&PageToken=PA" + all[(page + 1) * pageSize - 1].Sid : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? Uri(page - 1) : null,
            ["start"] = page * pageSize,
            ["uri"] = Uri(page),
        });
    }

    /// <summary>Body: <c>{"count": 2, "retryAfterSeconds": 5}</c>.</summary>
    public static IResult Throttle(ThrottleRequest request, MessageStore store)
    {
        if (request is null || request.Count is < 0 or > 10_000 || request.RetryAfterSeconds is < 0 or > 3600)
        {
            return Results.BadRequest();
        }

        store.Throttle(request.Count, TimeSpan.FromSeconds(request.RetryAfterSeconds));
        return Results.NoContent();
    }
}

/// <summary>How many creates to refuse with 429, and the Retry-After to send.</summary>
internal sealed record ThrottleRequest(int Count, int RetryAfterSeconds);
