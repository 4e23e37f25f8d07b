namespace CallCenter.Core.Surveys;

/// <summary>A question as sent: its type (<see cref="SurveyQuestionTypes"/>) and its text in both languages.</summary>
public sealed record SurveyQuestionInput
{
    public string? Type { get; init; }
    public SurveyTextInput? Text { get; init; }
}
