namespace CallCenter.Core.Scheduling;

/// <summary>
/// A doctor's recurring schedule to turn into slots: on the given weekdays between two dates (inclusive),
/// from <see cref="DailyStart"/> to <see cref="DailyEnd"/> local time in <see cref="TimeZoneId"/> (IANA).
/// </summary>
public sealed record SlotPlan
{
    public required Guid DoctorId { get; init; }
    public required DateOnly FromDate { get; init; }
    public required DateOnly ToDate { get; init; }
    public required TimeOnly DailyStart { get; init; }
    public required TimeOnly DailyEnd { get; init; }
    public required int SlotMinutes { get; init; }
    public required int Capacity { get; init; }
    public required IReadOnlySet<DayOfWeek> Weekdays { get; init; }
    public required string TimeZoneId { get; init; }
}
