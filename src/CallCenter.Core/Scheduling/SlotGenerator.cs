namespace CallCenter.Core.Scheduling;

/// <summary>Expands a <see cref="SlotPlan"/> into UTC intervals, and checks a plan before that.</summary>
public static class SlotGenerator
{
    public const int MaxDays = 366;
    public const int MaxSlots = 5000;

    /// <summary>Field errors (field, reason) for a plan; empty when valid.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Validate(SlotPlan plan, out TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<(string Field, string Reason)>();
        zone = TryFindZone(plan.TimeZoneId);
        if (zone is null)
        {
            errors.Add(("timeZone", "must be an IANA time zone such as Asia/Shanghai"));
        }

        if (plan.ToDate < plan.FromDate)
        {
            errors.Add(("toDate", "must be on or after fromDate"));
        }
        else if (plan.ToDate.DayNumber - plan.FromDate.DayNumber >= MaxDays)
        {
            errors.Add(("toDate", $"must be within {MaxDays} days of fromDate"));
        }

        if (plan.DailyStart.Second != 0 || plan.DailyStart.Millisecond != 0)
        {
            errors.Add(("dailyStart", "must be a whole minute (no seconds)"));
        }

        if (plan.DailyEnd <= plan.DailyStart)
        {
            errors.Add(("dailyEnd", "must be after dailyStart"));
        }

        if (plan.SlotMinutes is < 1 or > 1440)
        {
            errors.Add(("slotMinutes", "must be between 1 and 1440"));
        }
        else if (plan.DailyEnd > plan.DailyStart && (plan.DailyEnd - plan.DailyStart).TotalMinutes < plan.SlotMinutes)
        {
            errors.Add(("slotMinutes", "must fit at least once between dailyStart and dailyEnd"));
        }

        if (plan.Capacity is < 1 or > SlotRules.MaxCapacity)
        {
            errors.Add(("capacity", $"must be between 1 and {SlotRules.MaxCapacity}"));
        }

        if (plan.Weekdays.Count == 0)
        {
            errors.Add(("weekdays", "must name at least one day"));
        }

        if (errors.Count == 0 && Count(plan) > MaxSlots)
        {
            errors.Add(("toDate", $"the plan makes more than {MaxSlots} slots; split the date range"));
        }

        return errors;
    }

    /// <summary>
    /// The UTC intervals of a valid plan, in order. A local start that does not exist (the hour skipped when
    /// clocks go forward) is left out; one that happens twice (clocks go back) takes the first occurrence.
    /// </summary>
    public static IReadOnlyList<SlotTimes> Expand(SlotPlan plan, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(zone);
        var result = new List<SlotTimes>();
        var length = TimeSpan.FromMinutes(plan.SlotMinutes);
        for (var date = plan.FromDate; date <= plan.ToDate; date = date.AddDays(1))
        {
            if (!plan.Weekdays.Contains(date.DayOfWeek))
            {
                continue;
            }

            for (var start = plan.DailyStart.ToTimeSpan(); start + length <= plan.DailyEnd.ToTimeSpan(); start += length)
            {
                var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + start;
                if (zone.IsInvalidTime(local))
                {
                    continue;
                }

                var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
                var utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
                result.Add(new SlotTimes(utc, utc + length));
            }
        }

        return result;
    }

    private static long Count(SlotPlan plan)
    {
        var perDay = (long)((plan.DailyEnd - plan.DailyStart).TotalMinutes / plan.SlotMinutes);
        var days = 0L;
        for (var date = plan.FromDate; date <= plan.ToDate; date = date.AddDays(1))
        {
            days += plan.Weekdays.Contains(date.DayOfWeek) ? 1 : 0;
        }

        return perDay * days;
    }

    private static TimeZoneInfo? TryFindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
