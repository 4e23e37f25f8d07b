namespace Ivr.Flows.Services;

/// <summary>
/// What the hub made of a text to a survey: <see cref="Outcome"/> for the trace, <see cref="Reply"/> to text back (the
/// next question, the question asked again, "this survey has closed"; null: the step's own thanks), or
/// <see cref="Unmatched"/> when the text is no answer and goes on like any other text.
/// </summary>
public sealed record SurveyTurn(string Outcome, string? Reply, bool Unmatched = false);
