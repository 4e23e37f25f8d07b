namespace Twilio.Protocol.Webhooks;

/// <summary>Wire names of the webhook enums.</summary>
public static class WebhookNames
{
    public static WireNames<CallDirection> Direction { get; } = new(
        (CallDirection.Inbound, "inbound"),
        (CallDirection.OutboundApi, "outbound-api"),
        (CallDirection.OutboundDial, "outbound-dial"),
        (CallDirection.TrunkingOriginating, "trunking-originating"),
        (CallDirection.TrunkingTerminating, "trunking-terminating"));

    public static WireNames<DialCallStatus> DialStatus { get; } = new(
        (DialCallStatus.Completed, "completed"),
        (DialCallStatus.Answered, "answered"),
        (DialCallStatus.Busy, "busy"),
        (DialCallStatus.NoAnswer, "no-answer"),
        (DialCallStatus.Failed, "failed"),
        (DialCallStatus.Canceled, "canceled"));

    public static WireNames<QueueResult> QueueResult { get; } = new(
        (Webhooks.QueueResult.Bridged, "bridged"),
        (Webhooks.QueueResult.BridgingInProgress, "bridging-in-process"),
        (Webhooks.QueueResult.QueueFull, "queue-full"),
        (Webhooks.QueueResult.Error, "error"),
        (Webhooks.QueueResult.Hangup, "hangup"),
        (Webhooks.QueueResult.Leave, "leave"),
        (Webhooks.QueueResult.Redirected, "redirected"),
        (Webhooks.QueueResult.RedirectedFromBridged, "redirected-from-bridged"),
        (Webhooks.QueueResult.SystemShutdown, "system-shutdown"),
        (Webhooks.QueueResult.SystemError, "system-error"));

    public static WireNames<MessageStatus> MessageStatus { get; } = new(
        (Webhooks.MessageStatus.Accepted, "accepted"),
        (Webhooks.MessageStatus.Scheduled, "scheduled"),
        (Webhooks.MessageStatus.Canceled, "canceled"),
        (Webhooks.MessageStatus.Queued, "queued"),
        (Webhooks.MessageStatus.Sending, "sending"),
        (Webhooks.MessageStatus.Sent, "sent"),
        (Webhooks.MessageStatus.Failed, "failed"),
        (Webhooks.MessageStatus.Delivered, "delivered"),
        (Webhooks.MessageStatus.Undelivered, "undelivered"),
        (Webhooks.MessageStatus.Receiving, "receiving"),
        (Webhooks.MessageStatus.Received, "received"),
        (Webhooks.MessageStatus.Read, "read"),
        (Webhooks.MessageStatus.PartiallyDelivered, "partially_delivered"));
}
