namespace AgentDesk.Contracts;

/// <summary>A new patient from the caller: the number is the caller's.</summary>
public sealed record CreatePatientRequest(Guid OfferId, string FullName, DateOnly? DateOfBirth, string? Sex, string Language);
