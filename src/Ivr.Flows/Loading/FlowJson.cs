using System.Text.Json;
using System.Text.Json.Serialization;
using Ivr.Flows.Execution;

namespace Ivr.Flows.Loading;

/// <summary>The JSON settings of flow files and stored sessions: camelCase, kebab-case enums, unknown fields refused.</summary>
public static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Sessions are stored compactly; unknown fields are tolerated so a newer hub can read an older row.</summary>
    public static JsonSerializerOptions SessionOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string SerializeSession(FlowSession session) => JsonSerializer.Serialize(session, SessionOptions);

    public static FlowSession DeserializeSession(string json) =>
        JsonSerializer.Deserialize<FlowSession>(json, SessionOptions) ?? throw new JsonException("A stored session is empty.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
