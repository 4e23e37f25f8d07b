using System.Text.Json.Serialization;
using CallCenter.Core.Surveys;

namespace CallCenter.Api.Surveys;

/// <summary>A text in both languages, as the API shows it.</summary>
internal sealed record SurveyTextResponse([property: JsonPropertyName("zh-CN")] string Zh, [property: JsonPropertyName("en-US")] string En);

internal sealed record SurveyQuestionResponse(string Type, SurveyTextResponse Text);

internal sealed record SurveyTriggerResponse(string Kind, string? Queue, Guid? DepartmentId, int DelayHours, string? Channel);

/// <summary>One version of a survey.</summary>
internal sealed record SurveyResponse(
    Guid Id, string Key, int Version, SurveyTextResponse Name, IReadOnlyList<SurveyQuestionResponse> Questions, IReadOnlyList<SurveyTriggerResponse> Triggers,
    bool Retired, DateTime CreatedAt)
{
    public static SurveyResponse From(SurveyDefinition definition) => new(
        definition.Id,
        definition.Key,
        definition.Version,
        new SurveyTextResponse(definition.NameZh, definition.NameEn),
        [.. definition.Questions.Select(q => new SurveyQuestionResponse(q.Type, new SurveyTextResponse(q.TextZh, q.TextEn)))],
        [.. definition.Triggers.Select(t => new SurveyTriggerResponse(t.Kind, t.Queue, t.DepartmentId, t.DelayHours, t.Kind == SurveyTriggerKinds.DeskCall ? t.ChannelOrDefault : null))],
        definition.RetiredAt is not null,
        definition.CreatedAt);
}
