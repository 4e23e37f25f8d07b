namespace CallCenter.Core.Messaging;

/// <summary>A message's status as the carrier reports it. The Core's own copy, so Core does not depend on a carrier library.</summary>
public enum MessageState
{
    Accepted,
    Scheduled,
    Canceled,
    Queued,
    Sending,
    Sent,
    Failed,
    Delivered,
    Undelivered,
    Receiving,
    Received,
    Read,
    PartiallyDelivered,
}
