namespace CallCenter.Core.Scheduling;

/// <summary>The outcome and the appointment as it now stands (null when not found).</summary>
public sealed record MoveResult(MoveOutcome Outcome, Appointment? Appointment);
