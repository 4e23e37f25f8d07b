namespace Ivr.Flows.Execution;

/// <summary>
/// The engine refused to run <paramref name="Step"/>: it discloses or changes patient data and the caller has not
/// proved to be the patient it is about. The flow went on to its error path.
/// </summary>
public sealed record VerificationRequired(string Step) : TurnEvent(Step);
