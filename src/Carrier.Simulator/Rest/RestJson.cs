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
        new JsonObject
        {
            ["sid"] = call.Sid,
            ["account_sid"] = call.AccountSid,
            ["parent_call_sid"] = null,
            ["to"] = call.To,
            ["to_formatted"] = call.To,
            ["from"] = call.From,
            ["from_formatted"] = call.From,
            ["status"] = created ? "queued" : CallStatuses.Names.ToWire(call.Status),
            ["direction"] = WebhookNames.Direction.ToWire(call.Direction),
            ["api_version"] = CallStatusReporter.ApiVersion,
            ["date_created"] = Date(call.CreatedAt),
            ["date_updated"] = Date(now),
            ["start_time"] = call.AnsweredAt is { } answered ? Date(answered) : null,
            ["end_time"] = call.EndedAt is { } ended ? Date(ended) : null,
            ["duration"] = call.EndedAt is null ? null : call.DurationSeconds(now).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["answered_by"] = null,
            ["caller_name"] = null,
            ["uri"] = "/2010-04-01/Accounts/" + call.AccountSid + "/Calls/" + call.Sid + ".json",
        },
        statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);

    public static IResult Message(SimulatedMessage message, int httpStatus = StatusCodes.Status201Created) =>
        Results.Json(MessageNode(message, created: true), statusCode: httpStatus);

    /// <summary>A message resource; as created it reads "queued" (later changes arrive as status callbacks), as listed its current status.</summary>
    public static JsonObject MessageNode(SimulatedMessage message, bool created) =>
        new()
        {
            ["sid"] = message.Sid,
            ["account_sid"] = message.AccountSid,
            ["messaging_service_sid"] = null,
            ["to"] = message.To,
            ["from"] = message.From,
            ["body"] = message.Body,
            ["status"] = created ? "queued" : WebhookNames.MessageStatus.ToWire(message.Status),
            ["direction"] = message.Direction,
            ["num_segments"] = message.NumSegments.ToString(CultureInfo.InvariantCulture),
            ["num_media"] = "0",
            ["error_code"] = null,
            ["error_message"] = null,
            ["api_version"] = CallStatusReporter.ApiVersion,
            ["date_created"] = Date(message.DateCreated),
            ["date_updated"] = Date(message.DateCreated),
            ["date_sent"] = created || message.DateSent is not { } sent ? null : Date(sent),
            ["price"] = null,
            ["uri"] = "/2010-04-01/Accounts/" + message.AccountSid + "/Messages/" + message.Sid + ".json",
        };

    private static string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
