using System.Globalization;
using System.Text.Json;
using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Rest;

/// <summary>A message as Twilio's Messages list shows it, with the body and times the hub matches on.</summary>
public sealed record ListedMessage(string Sid, MessageStatus? Status, string? To, string? From, string? Body, DateTimeOffset? DateCreated, DateTimeOffset? DateSent, int? ErrorCode)
{
    internal static ListedMessage Read(JsonElement json) => new(
        Json.String(json, "sid") ?? string.Empty,
        WebhookNames.MessageStatus.TryParse(Json.String(json, "status"), out var status) ? status : null,
        Json.String(json, "to"),
        Json.String(json, "from"),
        Json.String(json, "body"),
        Date(Json.String(json, "date_created")),
        Date(Json.String(json, "date_sent")),
        Json.Int(json, "error_code"));

    // Twilio writes RFC 2822 dates: "Mon, 07 Dec 2026 10:00:00 +0000".
    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
