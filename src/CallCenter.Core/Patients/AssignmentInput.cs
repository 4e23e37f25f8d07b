namespace CallCenter.Core.Patients;

/// <summary>The consultant a patient is assigned to; null removes the assignment.</summary>
public sealed record AssignmentInput(Guid? UserId);
