namespace CallCenter.Core.Surveys;

/// <summary>
/// What became of a patient's text to a survey: <see cref="Outcome"/> for the trace, <see cref="Reply"/> to text back
/// (null: the flow's own thanks), or <see cref="Unmatched"/> when the text is not an answer and goes on like any other.
/// </summary>
public sealed record SurveyReplyResult(string Outcome, string? Reply, bool Unmatched = false);
