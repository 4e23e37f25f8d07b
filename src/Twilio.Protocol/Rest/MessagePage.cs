using System.Text.Json;

namespace Twilio.Protocol.Rest;

/// <summary>One page of Twilio's Messages list: the messages (newest first) and the path of the next page, if any.</summary>
public sealed record MessagePage(IReadOnlyList<MessageResource> Messages, string? NextPageUri)
{
    internal static MessagePage Read(JsonElement json)
    {
        var messages = new List<MessageResource>();
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("messages", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                messages.Add(MessageResource.Read(item));
            }
        }

        return new MessagePage(messages, Json.String(json, "next_page_uri"));
    }
}
