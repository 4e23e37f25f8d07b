using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Core.Ivr;

/// <summary>How an <see cref="IvrOutcome"/> is stored in <c>ivr_session.outcome</c>.</summary>
internal static class IvrOutcomeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Write(IvrOutcome outcome) => JsonSerializer.Serialize(outcome, Options);

    /// <summary>The stored outcome; null when there is none or it cannot be read (a row from an incompatible hub version).</summary>
    public static IvrOutcome? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<IvrOutcome>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
