namespace CallCenter.Core.Wallboard;

/// <summary>One queue's counts in one report interval; <see cref="Interval"/> numbers it as the reader describes.</summary>
internal sealed record IntervalCounts(string Queue, long Interval, PeriodCounts Counts);
