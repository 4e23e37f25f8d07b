namespace CallCenter.Core.Common;

/// <summary>IDs are made by the application: Guid v7, time-ordered, so inserts stay at the end of indexes.</summary>
public static class Ids
{
    public static Guid New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Guid.CreateVersion7(time.GetUtcNow());
    }
}
