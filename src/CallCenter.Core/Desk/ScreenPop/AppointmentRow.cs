using Dapper;

namespace CallCenter.Core.Desk.ScreenPop;

public sealed record AppointmentRow
{
    public Guid Id { get; init; }
    public DateTime StartsAt { get; init; }
    public string Department { get; init; } = string.Empty;
    public string? Doctor { get; init; }
    public string Status { get; init; } = string.Empty;
}
