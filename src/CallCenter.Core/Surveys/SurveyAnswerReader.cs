using System.Text;

namespace CallCenter.Core.Surveys;

/// <summary>Reads a texted answer for a question type: full-width digits and a trailing full stop are fine.</summary>
public static class SurveyAnswerReader
{
    public const int MaxTextLength = 1600;

    /// <summary>True when the text answers the question; <paramref name="score"/> is its number (yes 1, no 0; null for text).</summary>
    public static bool TryRead(string type, string? text, out int? score)
    {
        score = null;
        var value = (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.', '。', '!', '！').Trim().ToLowerInvariant();
        if (value.Length == 0)
        {
            return false;
        }

        switch (type)
        {
            case SurveyQuestionTypes.Text:
                return true;
            case SurveyQuestionTypes.YesNo:
                score = value switch
                {
                    "1" or "y" or "yes" or "是" or "是的" or "有" => 1,
                    "2" or "n" or "no" or "否" or "不是" or "没有" => 0,
                    _ => null,
                };
                return score is not null;
            default:
                var max = type == SurveyQuestionTypes.Nps ? 10 : 5;
                var min = type == SurveyQuestionTypes.Nps ? 0 : 1;
                if (value.Length <= 2 && value.All(char.IsAsciiDigit) && int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is var number
                    && number >= min && number <= max)
                {
                    score = number;
                    return true;
                }

                return false;
        }
    }
}
