using CallCenter.Core.Messaging;
using Twilio.Protocol.Webhooks;

namespace Notifications.Channels;

/// <summary>Twilio's message statuses as the hub's message states: one mapping for what the REST API and the status callbacks say.</summary>
public static class TwilioMessageStates
{
    public static MessageState Of(MessageStatus status) => status switch
    {
        MessageStatus.Accepted => MessageState.Accepted,
        MessageStatus.Scheduled => MessageState.Scheduled,
        MessageStatus.Canceled => MessageState.Canceled,
        MessageStatus.Queued => MessageState.Queued,
        MessageStatus.Sending => MessageState.Sending,
        MessageStatus.Sent => MessageState.Sent,
        MessageStatus.Failed => MessageState.Failed,
        MessageStatus.Delivered => MessageState.Delivered,
        MessageStatus.Undelivered => MessageState.Undelivered,
        MessageStatus.Receiving => MessageState.Receiving,
        MessageStatus.Received => MessageState.Received,
        MessageStatus.Read => MessageState.Read,
        MessageStatus.PartiallyDelivered => MessageState.PartiallyDelivered,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown message status."),
    };
}
