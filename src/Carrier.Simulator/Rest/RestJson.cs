using System.Globalization;
using System.Text.Json.Nodes;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Http;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Rest;

/// <summary>Twilio-shaped JSON: snake_case resources, RFC 1123 dates, numbers as strings where Twilio sends them so.</summary>
internal static class RestJson
{
    public static IResult Error(int httpStatus, int code, string message) => Results.Json(
        new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = "https://www.twilio.com/docs/errors/" + code.ToString(CultureInfo.InvariantCulture),
            ["status"] = httpStatus,
        },
        statusCode: httpStatus);

    /// <summary>A call resource; a new call reads "queued", as Twilio answers a create before it dials.</summary>
    public static IResult Call(SimulatedCall call, DateTimeOffset now, bool created = false) => Results.Json(
        CallObject(call, now, created ? CallStatus.Queued : call.Status),
        statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);

    /// <summary>One page of the Calls list, with Twilio's paging fields; the URIs are relative to the API's base.</summary>
    public static IResult CallPage(string accountSid, CallListQuery query, IReadOnlyList<SimulatedCall> page, bool hasNext, DateTimeOffset now)
    {
        var path = "/2010-04-01/Accounts/" + accountSid + "/Calls.json?";
        var start = query.Page * query.PageSize;
        var calls = new JsonArray([.. page.Select(c => (JsonNode)CallObject(c, now, c.Status))]);
        return Results.Json(new JsonObject
        {
            ["calls"] = calls,
            ["end"] = page.Count == 0 ? start : start + page.Count - 1,
            ["first_page_uri"] = path + query.QueryString(0, null),
            ["next_page_uri"] = hasNext ? path + query.QueryString(query.Page + 1, "PA" + page[^1].Sid) : null,
            ["page"] = query.Page,
            ["page_size"] = query.PageSize,
            ["previous_page_uri"] = query.Page > 0 ? path + query.QueryString(query.Page - 1, null) : null,
            ["start"] = start,
            ["uri"] = path + query.QueryString(query.Page, query.PageToken),
        });
    }

    // Every field of Twilio's call resource (its OpenAPI spec's api.v2010.account.call), those the simulator has no
    // notion of (prices, trunks, groups) as Twilio sends them for a plain call: null.
    private static JsonObject CallObject(SimulatedCall call, DateTimeOffset now, CallStatus status)
    {
        var uri = "/2010-04-01/Accounts/" + call.AccountSid + "/Calls/" + call.Sid;
        return new JsonObject
        {
            ["sid"] = call.Sid,
            ["date_created"] = Date(call.CreatedAt),
            ["date_updated"] = Date(now),
            ["parent_call_sid"] = null,
            ["account_sid"] = call.AccountSid,
            ["to"] = call.To,
            ["to_formatted"] = call.To,
            ["from"] = call.From,
            ["from_formatted"] = call.From,
            ["phone_number_sid"] = null,
            ["status"] = CallStatuses.Names.ToWire(status),
            ["start_time"] = call.StartedAt is { } started ? Date(started) : null,
            ["end_time"] = call.EndedAt is { } ended ? Date(ended) : null,
            ["duration"] = call.EndedAt is null ? null : call.DurationSeconds(now).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["direction"] = WebhookNames.Direction.ToWire(call.Direction),
            ["answered_by"] = call.AnsweredBy,
            ["api_version"] = CallStatusReporter.ApiVersion,
            ["forwarded_from"] = null,
            ["group_sid"] = null,
            ["caller_name"] = null,
            ["queue_time"] = "0",
            ["trunk_sid"] = null,
            ["uri"] = uri + ".json",
            ["subresource_uris"] = new JsonObject
            {
                ["notifications"] = uri + "/Notifications.json",
                ["recordings"] = uri + "/Recordings.json",
                ["payments"] = uri + "/Payments.json",
                ["events"] = uri + "/Events.json",
                ["siprec"] = uri + "/Siprec.json",
                ["streams"] = uri + "/Streams.json",
                ["transcriptions"] = uri + "/Transcriptions.json",
                ["user_defined_message_subscriptions"] = uri + "/UserDefinedMessageSubscriptions.json",
                ["user_defined_messages"] = uri + "/UserDefinedMessages.json",
            },
        };
    }

    /// <summary>A message just created: it reads "queued", as Twilio answers a create before it sends; later changes arrive as status callbacks.</summary>
    public static IResult Message(SimulatedMessage message, int httpStatus = StatusCodes.Status201Created) =>
        Results.Json(MessageObject(message, MessageStatus.Queued, dateSent: null, message.DateCreated), statusCode: httpStatus);

    /// <summary>One page of the Messages list, with Twilio's paging fields; the URIs are relative to the API's base, as Twilio's are.</summary>
    public static IResult MessagePage(string accountSid, MessageListQuery query, IReadOnlyList<SimulatedMessage> page, bool hasNext)
    {
        var path = "/2010-04-01/Accounts/" + accountSid + "/Messages.json?";
        var start = query.Page * query.PageSize;
        var messages = new JsonArray([.. page.Select(m => (JsonNode)MessageObject(m, m.Status, m.DateSent, m.DateUpdated))]);
        return Results.Json(new JsonObject
        {
            ["end"] = page.Count == 0 ? start : start + page.Count - 1,
            ["first_page_uri"] = path + query.QueryString(0, null),
            ["next_page_uri"] = hasNext ? path + query.QueryString(query.Page + 1, "PA" + page[^1].Sid) : null,
            ["page"] = query.Page,
            ["page_size"] = query.PageSize,
            ["previous_page_uri"] = query.Page > 0 ? path + query.QueryString(query.Page - 1, null) : null,
            ["messages"] = messages,
            ["start"] = start,
            ["uri"] = path + query.QueryString(query.Page, query.PageToken),
        });
    }

    private static JsonObject MessageObject(SimulatedMessage message, MessageStatus status, DateTimeOffset? dateSent, DateTimeOffset dateUpdated)
    {
        var uri = "/2010-04-01/Accounts/" + message.AccountSid + "/Messages/" + message.Sid;
        return new JsonObject
        {
            ["sid"] = message.Sid,
            ["account_sid"] = message.AccountSid,
            ["messaging_service_sid"] = null,
            ["to"] = message.To,
            ["from"] = message.From,
            ["body"] = message.Body,
            ["status"] = WebhookNames.MessageStatus.ToWire(status),
            ["direction"] = message.Direction,
            ["num_segments"] = message.NumSegments.ToString(CultureInfo.InvariantCulture),
            ["num_media"] = "0",
            ["error_code"] = message.ErrorCode,
            ["error_message"] = null,
            ["api_version"] = CallStatusReporter.ApiVersion,
            ["date_created"] = Date(message.DateCreated),
            ["date_updated"] = Date(dateUpdated),
            ["date_sent"] = dateSent is { } sent ? Date(sent) : null,
            ["price"] = null,
            ["price_unit"] = "USD",
            ["uri"] = uri + ".json",
            ["subresource_uris"] = new JsonObject
            {
                ["media"] = uri + "/Media.json",
                ["feedback"] = uri + "/Feedback.json",
            },
        };
    }

    private static string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
