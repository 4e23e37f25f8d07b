using Dapper;

namespace CallCenter.Core.Desk.ScreenPop;

public sealed record PatientRow
{
    public Guid Id { get; init; }
    public string FullName { get; init; } = string.Empty;
    public string? Mrn { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Gender { get; init; }
    public string? PreferredLanguage { get; init; }
    public Guid? AssignedUserId { get; init; }
}
