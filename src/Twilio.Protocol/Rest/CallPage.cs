using System.Text.Json;

namespace Twilio.Protocol.Rest;

/// <summary>One page of Twilio's Calls list: the calls (newest first) and the path of the next page, if any.</summary>
public sealed record CallPage(IReadOnlyList<CallResource> Calls, string? NextPageUri)
{
    internal static CallPage Read(JsonElement json)
    {
        var calls = new List<CallResource>();
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("calls", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                calls.Add(CallResource.Read(item));
            }
        }

        return new CallPage(calls, Json.String(json, "next_page_uri"));
    }
}
