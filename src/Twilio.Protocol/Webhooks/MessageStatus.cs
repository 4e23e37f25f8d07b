namespace Twilio.Protocol.Webhooks;

/// <summary>A message's status (MessageStatus), from Twilio's Message resource.</summary>
public enum MessageStatus
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
