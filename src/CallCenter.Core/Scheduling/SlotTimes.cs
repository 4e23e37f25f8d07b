namespace CallCenter.Core.Scheduling;

/// <summary>One generated interval, UTC.</summary>
public readonly record struct SlotTimes(DateTime StartsAt, DateTime EndsAt);
