using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Surveys;

/// <summary>Survey settings (<c>Surveys</c> section).</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Surveys";

    /// <summary>A patient gets at most one survey in this many days.</summary>
    [Range(0, 365)]
    public int FrequencyDays { get; set; } = 30;

    /// <summary>An invitation is answered within this many hours of being due, or it closes.</summary>
    [Range(1, 24 * 14)]
    public int ExpiryHours { get; set; } = 24;

    /// <summary>A reply this many hours after a survey closed is told so; later ones go to an agent as any text.</summary>
    [Range(0, 24 * 30)]
    public int LateReplyHours { get; set; } = 72;
}
