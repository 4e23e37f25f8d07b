namespace CallCenter.Core.Calls;

/// <summary>A call's status as the carrier reports it. The Core's own copy, so Core does not depend on a carrier library.</summary>
public enum CallState
{
    Queued,
    Initiated,
    Ringing,
    InProgress,
    Completed,
    Busy,
    Failed,
    NoAnswer,
    Canceled,
}
