namespace CallCenter.Core.Surveys;

/// <summary>One question of a survey, in both languages.</summary>
public sealed record SurveyQuestion(string Type, string TextZh, string TextEn)
{
    public string TextIn(string language) => language == "en-US" ? TextEn : TextZh;
}
