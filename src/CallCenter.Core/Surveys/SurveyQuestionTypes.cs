namespace CallCenter.Core.Surveys;

/// <summary>What a survey question asks for, and what a reply to it may be.</summary>
public static class SurveyQuestionTypes
{
    /// <summary>Satisfaction 1 (very unhappy) to 5 (very happy); 2 or less is a low score.</summary>
    public const string Csat = "csat";

    /// <summary>Net promoter score 0 to 10; 6 or less (a detractor) is a low score.</summary>
    public const string Nps = "nps";

    /// <summary>1 (or yes, 是) or 2 (or no, 否), stored as 1 and 0.</summary>
    public const string YesNo = "yes-no";

    /// <summary>Any text.</summary>
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [Csat, Nps, YesNo, Text];

    /// <summary>True when the score is low enough to need service recovery.</summary>
    public static bool IsLow(string type, int? score) => (type, score) switch
    {
        (Csat, <= 2) => true,
        (Nps, <= 6) => true,
        _ => false,
    };
}
