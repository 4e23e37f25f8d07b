using System.Globalization;
using System.Text.Json;
using Twilio.Protocol.Webhooks;

namespace Twilio.Protocol.Rest;

/// <summary>A call as the REST API returns it (the fields the hub uses).</summary>
public sealed record CallResource(string Sid, string AccountSid, CallStatus? Status, string? To, string? From, string? ParentCallSid)
{
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the call was dialled; null while it is still queued (Twilio paces outbound calls).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>What answering machine detection said (<c>human</c>, <c>machine_start</c>...), when it was asked for.</summary>
    public string? AnsweredBy { get; init; }

    internal static CallResource Read(JsonElement json) => new(
        Json.String(json, "sid") ?? string.Empty,
        Json.String(json, "account_sid") ?? string.Empty,
        CallStatuses.Names.TryParse(Json.String(json, "status"), out var status) ? status : null,
        Json.String(json, "to"),
        Json.String(json, "from"),
        Json.String(json, "parent_call_sid"))
    {
        DateCreated = Json.Date(json, "date_created"),
        StartTime = Json.Date(json, "start_time"),
        AnsweredBy = Json.String(json, "answered_by"),
    };
}

/// <summary>Tolerant reads: Twilio sends some numbers as strings ("num_segments": "1") and many fields as null.</summary>
internal static class Json
{
    public static string? String(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>An RFC 2822 date as Twilio writes them ("Fri, 24 May 2019 17:44:50 +0000").</summary>
    public static DateTimeOffset? Date(JsonElement json, string name) =>
        DateTimeOffset.TryParseExact(
            String(json, name), "ddd, dd MMM yyyy HH:mm:ss zzzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || DateTimeOffset.TryParse(String(json, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at)
            ? at
            : null;

    public static int? Int(JsonElement json, string name) =>
        int.TryParse(String(json, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
