namespace CallCenter.Core.Cases;

/// <summary>How long a case of one severity may wait for a first response and for its resolution.</summary>
public sealed class CaseDueTimes
{
    public TimeSpan FirstResponse { get; set; }

    public TimeSpan Resolution { get; set; }
}
