using System.Text.Json.Serialization;

namespace Ivr.Flows.Model;

/// <summary>
/// A flow as written in its JSON file: metadata, the numbers it answers, the languages it speaks, calendars, and
/// the graph of steps. Build with <see cref="Loading.FlowLoader"/>, which also validates it.
/// </summary>
public sealed class FlowDefinition
{
    private Dictionary<string, FlowStep>? _byId;

    /// <summary>Points editors at the published JSON Schema; ignored by the hub.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string Id { get; init; } = string.Empty;

    public string? Description { get; init; }

    public FlowKind Kind { get; init; } = FlowKind.Voice;

    /// <summary>The hotline numbers (E.164) the flow answers; <c>*</c> makes it the default for unbound numbers.</summary>
    public List<string> Numbers { get; init; } = [];

    /// <summary>Language tags (zh-CN, en-US) every prompt must be written in.</summary>
    public List<string> Languages { get; init; } = [];

    /// <summary>The language until the caller chooses one or is recognised; the first of <see cref="Languages"/> when absent.</summary>
    public string? DefaultLanguage { get; init; }

    /// <summary>IANA time zone for time conditions and calendars.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    public string Start { get; init; } = string.Empty;

    /// <summary>Where a call goes when a step fails unexpectedly (a database down); hang up with an apology when absent.</summary>
    public string? OnError { get; init; }

    /// <summary>Said before hanging up when a step fails and there is no <see cref="OnError"/> step.</summary>
    public LocalizedText? ErrorPrompt { get; init; }

    /// <summary>SMS flows: the answer to HELP and INFO.</summary>
    public LocalizedText? HelpText { get; init; }

    /// <summary>SMS flows: the confirmation sent when a patient opts out (STOP and its synonyms).</summary>
    public LocalizedText? OptOutText { get; init; }

    /// <summary>SMS flows: the confirmation sent when a patient opts back in (START, UNSTOP, YES).</summary>
    public LocalizedText? OptInText { get; init; }

    public Dictionary<string, BusinessCalendar> Calendars { get; init; } = new(StringComparer.Ordinal);

    public List<FlowStep> Steps { get; init; } = [];

    [JsonIgnore]
    public string EffectiveDefaultLanguage => DefaultLanguage ?? Languages.FirstOrDefault() ?? "zh-CN";

    /// <summary>The step with this id, or null.</summary>
    public FlowStep? Find(string? id)
    {
        if (id is null)
        {
            return null;
        }

        _byId ??= Steps.Where(s => s.Id.Length > 0).GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _byId.GetValueOrDefault(id);
    }
}
