namespace CallCenter.Core.Surveys;

/// <summary>A survey as an admin sends it; every field is checked by <see cref="SurveyDefinitionValidator"/>.</summary>
public sealed record SurveyDefinitionInput
{
    public string? Key { get; init; }
    public SurveyTextInput? Name { get; init; }
    public IReadOnlyList<SurveyQuestionInput?>? Questions { get; init; }
    public IReadOnlyList<SurveyTriggerInput?>? Triggers { get; init; }
}
