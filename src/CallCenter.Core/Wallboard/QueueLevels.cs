namespace CallCenter.Core.Wallboard;

/// <summary>Where a queue's live figures stand against its thresholds, one level per watched figure.</summary>
public sealed record QueueLevels(ThresholdLevel LongestWait, ThresholdLevel ServiceLevel, ThresholdLevel Waiting)
{
    public static QueueLevels Normal { get; } = new(ThresholdLevel.Normal, ThresholdLevel.Normal, ThresholdLevel.Normal);

    public ThresholdLevel Worst => (ThresholdLevel)Math.Max((int)LongestWait, Math.Max((int)ServiceLevel, (int)Waiting));
}
