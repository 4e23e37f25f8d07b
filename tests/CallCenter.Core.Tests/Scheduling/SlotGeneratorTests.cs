using CallCenter.Core.Scheduling;

namespace CallCenter.Core.Tests.Scheduling;

public sealed class SlotGeneratorTests
{
    private static readonly HashSet<DayOfWeek> EveryDay = [.. Enum.GetValues<DayOfWeek>()];

    private static SlotPlan Plan(string zone, DateOnly from, DateOnly to, TimeOnly start, TimeOnly end, int minutes = 30, IReadOnlySet<DayOfWeek>? days = null) => new()
    {
        DoctorId = Guid.NewGuid(),
        FromDate = from,
        ToDate = to,
        DailyStart = start,
        DailyEnd = end,
        SlotMinutes = minutes,
        Capacity = 1,
        Weekdays = days ?? EveryDay,
        TimeZoneId = zone,
    };

    private static IReadOnlyList<SlotTimes> Expand(SlotPlan plan)
    {
        Assert.Empty(SlotGenerator.Validate(plan, out var zone));
        return SlotGenerator.Expand(plan, zone!);
    }

    [Fact]
    public void Expand_Shanghai_StartsEightHoursEarlierInUtcAllYear()
    {
        var plan = Plan("Asia/Shanghai", new DateOnly(2026, 3, 27), new DateOnly(2026, 3, 30), new TimeOnly(8, 0), new TimeOnly(9, 0));

        var starts = Expand(plan).Select(t => t.StartsAt).ToList();

        Assert.Equal(8, starts.Count);
        Assert.Equal(new DateTime(2026, 3, 27, 0, 0, 0, DateTimeKind.Utc), starts[0]);
        Assert.Equal(new DateTime(2026, 3, 27, 0, 30, 0, DateTimeKind.Utc), starts[1]);
        Assert.Equal(new DateTime(2026, 3, 30, 0, 30, 0, DateTimeKind.Utc), starts[^1]);
        Assert.All(starts, s => Assert.Equal(DateTimeKind.Utc, s.Kind));
    }

    [Fact]
    public void Expand_LondonAcrossClocksGoingForward_ShiftsUtcStartByOneHour()
    {
        // British Summer Time starts on Sunday 29 March 2026.
        var plan = Plan("Europe/London", new DateOnly(2026, 3, 27), new DateOnly(2026, 3, 30), new TimeOnly(9, 0), new TimeOnly(10, 0), minutes: 60);

        var starts = Expand(plan).Select(t => t.StartsAt).ToList();

        Assert.Equal(
            [
                new DateTime(2026, 3, 27, 9, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 3, 29, 8, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc),
            ],
            starts);
    }

    [Fact]
    public void Expand_LondonSkippedHour_LeavesOutTimesThatDoNotExist()
    {
        var plan = Plan("Europe/London", new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), new TimeOnly(0, 30), new TimeOnly(2, 30), minutes: 30);

        var starts = Expand(plan).Select(t => t.StartsAt).ToList();

        // 00:30 is GMT; 01:00 and 01:30 local do not exist; 02:00 is BST, 01:00 UTC.
        Assert.Equal(
            [new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)],
            starts);
    }

    [Fact]
    public void Expand_LondonRepeatedHour_TakesFirstOccurrence()
    {
        // Clocks go back on Sunday 25 October 2026: 01:30 local happens at 00:30 UTC and again at 01:30 UTC.
        var plan = Plan("Europe/London", new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), new TimeOnly(1, 30), new TimeOnly(2, 0));

        var slot = Assert.Single(Expand(plan));

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), slot.StartsAt);
        Assert.Equal(new DateTime(2026, 10, 25, 1, 0, 0, DateTimeKind.Utc), slot.EndsAt);
    }

    [Fact]
    public void Expand_Weekdays_OnlyThoseDaysAndWholeSlotsBeforeDailyEnd()
    {
        // 7-13 December 2026 is Monday to Sunday; 09:00-10:45 in 30-minute slots leaves the last 15 minutes unused.
        var plan = Plan(
            "UTC", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13), new TimeOnly(9, 0), new TimeOnly(10, 45), days: new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Saturday });

        var times = Expand(plan);

        Assert.Equal(6, times.Count);
        Assert.All(times, t => Assert.Contains(t.StartsAt.DayOfWeek, new[] { DayOfWeek.Tuesday, DayOfWeek.Saturday }));
        Assert.All(times, t => Assert.Equal(TimeSpan.FromMinutes(30), t.EndsAt - t.StartsAt));
        Assert.Equal(new DateTime(2026, 12, 12, 10, 0, 0, DateTimeKind.Utc), times[^1].StartsAt);
    }

    [Fact]
    public void Validate_BadPlan_NamesEachField()
    {
        var plan = Plan("Mars/Olympus", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 6), new TimeOnly(10, 0), new TimeOnly(9, 0), minutes: 0, days: new HashSet<DayOfWeek>())
            with { Capacity = 0 };

        var fields = SlotGenerator.Validate(plan, out var zone).Select(e => e.Field).Order(StringComparer.Ordinal);

        Assert.Null(zone);
        Assert.Equal(new[] { "capacity", "dailyEnd", "slotMinutes", "timeZone", "toDate", "weekdays" }, fields);
    }

    [Fact]
    public void Validate_TooManySlots_NamesToDate()
    {
        var plan = Plan("UTC", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new TimeOnly(0, 0), new TimeOnly(23, 0), minutes: 1);

        var errors = SlotGenerator.Validate(plan, out _);

        Assert.Contains(errors, e => e.Field == "toDate" && e.Reason.Contains("more than", StringComparison.Ordinal));
    }
}
