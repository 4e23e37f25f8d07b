using System.Text.Json.Serialization;

namespace CallCenter.Core.Surveys;

/// <summary>A text in both languages the hub speaks: <c>{"zh-CN": "...", "en-US": "..."}</c>.</summary>
public sealed record SurveyTextInput
{
    [JsonPropertyName("zh-CN")]
    public string? Zh { get; init; }

    [JsonPropertyName("en-US")]
    public string? En { get; init; }
}
