namespace AgentDesk.Contracts;

/// <summary>One question of a follow-up's questionnaire, in the patient's language, with what an answer looks like.</summary>
/// <param name="Type">csat, nps, yes-no or text.</param>
/// <param name="Text">The question as the agent reads it out.</param>
/// <param name="Hint">The answers it takes, e.g. "(1-5)".</param>
public sealed record DeskFollowUpQuestion(string Type, string Text, string Hint);
