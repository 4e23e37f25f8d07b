namespace CallCenter.Core.Scheduling;

/// <summary>What makes a slot valid, shared by single creation and bulk generation.</summary>
public static class SlotRules
{
    public const int MaxCapacity = 1000;

    /// <summary>Field errors (field, reason) for a slot; empty when valid. Times must be UTC.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Validate(DateTime startsAt, DateTime endsAt, int capacity)
    {
        var errors = new List<(string Field, string Reason)>();
        if (!IsWholeMinute(startsAt))
        {
            errors.Add(("startsAt", "must be a whole minute (no seconds)"));
        }

        if (!IsWholeMinute(endsAt))
        {
            errors.Add(("endsAt", "must be a whole minute (no seconds)"));
        }

        if (endsAt <= startsAt)
        {
            errors.Add(("endsAt", "must be after startsAt"));
        }
        else if (endsAt - startsAt > TimeSpan.FromDays(1))
        {
            errors.Add(("endsAt", "must be at most 24 hours after startsAt"));
        }

        if (capacity is < 1 or > MaxCapacity)
        {
            errors.Add(("capacity", $"must be between 1 and {MaxCapacity}"));
        }

        return errors;
    }

    public static bool IsWholeMinute(DateTime value) => value.Ticks % TimeSpan.TicksPerMinute == 0;
}
