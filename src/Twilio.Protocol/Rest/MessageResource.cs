using System.Text.Json;
using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Rest;

/// <summary>A message as the REST API returns it (the fields the hub uses).</summary>
public sealed record MessageResource(string Sid, string AccountSid, MessageStatus? Status, string? To, string? From, int? NumSegments, int? ErrorCode)
{
    public string? Body { get; init; }

    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When Twilio sent it on; null while it is still queued.</summary>
    public DateTimeOffset? DateSent { get; init; }

    internal static MessageResource Read(JsonElement json) => new(
        Json.String(json, "sid") ?? string.Empty,
        Json.String(json, "account_sid") ?? string.Empty,
        WebhookNames.MessageStatus.TryParse(Json.String(json, "status"), out var status) ? status : null,
        Json.String(json, "to"),
        Json.String(json, "from"),
        Json.Int(json, "num_segments"),
        Json.Int(json, "error_code"))
    {
        Body = Json.String(json, "body"),
        DateCreated = Json.Date(json, "date_created"),
        DateSent = Json.Date(json, "date_sent"),
    };
}
