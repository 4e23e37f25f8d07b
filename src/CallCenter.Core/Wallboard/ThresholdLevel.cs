namespace CallCenter.Core.Wallboard;

/// <summary>How a figure stands against its queue's thresholds: the colour of its tile.</summary>
public enum ThresholdLevel
{
    Normal,
    Warning,
    Critical,
}
