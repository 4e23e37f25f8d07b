namespace CallCenter.Core.Queues;

/// <summary>The stored statuses of queue entries and callback requests.</summary>
public static class QueueStatuses
{
    public const string Waiting = "waiting";
    public const string Callback = "callback";
    public const string Left = "left";
    public const string Bridged = "bridged";

    /// <summary>Ringing at an agent: still in line (and counted), not offered to anyone else.</summary>
    public const string Offered = "offered";

    /// <summary>Waited past the queue's maximum wait and sent to voicemail or a callback offer.</summary>
    public const string Overflowed = "overflowed";

    /// <summary>A callback request an agent accepted.</summary>
    public const string Assigned = "assigned";

    /// <summary>A callback request not yet served.</summary>
    public const string Requested = "requested";
}
