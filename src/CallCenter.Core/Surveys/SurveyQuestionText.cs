namespace CallCenter.Core.Surveys;

/// <summary>A question as texted: its words and how to answer; and the hub's own replies in the dialogue.</summary>
public static class SurveyQuestionText
{
    public static string Render(SurveyQuestion question, string language)
    {
        ArgumentNullException.ThrowIfNull(question);
        var hint = Hint(question.Type, language);
        return hint.Length == 0 ? question.TextIn(language) : $"{question.TextIn(language)}{(language == "en-US" ? " " : string.Empty)}{hint}";
    }

    /// <summary>The allowed answers, e.g. "(reply 1-5)".</summary>
    public static string Hint(string type, string language) => (type, language == "en-US") switch
    {
        (SurveyQuestionTypes.Csat, true) => "(reply 1-5, 5 = very satisfied)",
        (SurveyQuestionTypes.Csat, false) => "（请回复1-5，5为非常满意）",
        (SurveyQuestionTypes.Nps, true) => "(reply 0-10, 10 = certainly)",
        (SurveyQuestionTypes.Nps, false) => "（请回复0-10，10为非常愿意）",
        (SurveyQuestionTypes.YesNo, true) => "(reply 1 for yes, 2 for no)",
        (SurveyQuestionTypes.YesNo, false) => "（是请回复1，否请回复2）",
        _ => string.Empty,
    };

    public static string Reask(SurveyQuestion question, string language) =>
        language == "en-US"
            ? $"Sorry, we could not read that answer. {Render(question, language)}"
            : $"抱歉，未能识别您的回复。{Render(question, language)}";

    public static string Closed(string language) =>
        language == "en-US"
            ? "Sorry, this survey has closed. Thank you for taking the time to reply."
            : "抱歉，本次满意度调查已结束。感谢您的回复。";
}
