using CallCenter.Core.Calls;
using CallCenter.Core.Messaging;
using Notifications.Channels;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Telephony;

/// <summary>Twilio's webhook payloads to the Core's records; the Core knows no carrier library.</summary>
internal static class TwilioMapping
{
    public static IncomingCall ToIncomingCall(this VoiceRequest request) => new()
    {
        CallSid = request.CallSid,
        AccountSid = request.AccountSid,
        // The voice URL is configured for incoming calls; a request without a direction is one.
        Direction = request.Direction is { } direction ? WebhookNames.Direction.ToWire(direction) : CallService.InboundDirection,
        From = request.From,
        To = request.To,
        State = request.CallStatus.ToState(),
    };

    public static CallStatusUpdate ToUpdate(this CallStatusCallback callback, string? idempotencyToken) => new()
    {
        CallSid = callback.CallSid,
        AccountSid = callback.AccountSid,
        State = callback.CallStatus.ToState(),
        SequenceNumber = callback.SequenceNumber,
        Timestamp = callback.Timestamp?.UtcDateTime,
        DurationSeconds = callback.CallDuration,
        IdempotencyToken = Token(idempotencyToken),
        Direction = callback.Direction is { } direction ? WebhookNames.Direction.ToWire(direction) : null,
        From = callback.From,
        To = callback.To,
    };

    public static IncomingSms ToIncomingSms(this IncomingMessage message) => new()
    {
        MessageSid = message.MessageSid,
        AccountSid = message.AccountSid,
        From = message.From,
        To = message.To,
        Body = message.Body,
        NumSegments = message.NumSegments,
    };

    public static MessageStatusUpdate ToUpdate(this MessageStatusCallback callback, string? idempotencyToken) => new()
    {
        MessageSid = callback.MessageSid,
        AccountSid = callback.AccountSid,
        State = TwilioMessageStates.Of(callback.MessageStatus),
        ErrorCode = callback.ErrorCode,
        IdempotencyToken = Token(idempotencyToken),
        From = callback.From,
        To = callback.To,
    };

    public static CallState ToState(this CallStatus status) => status switch
    {
        CallStatus.Queued => CallState.Queued,
        CallStatus.Initiated => CallState.Initiated,
        CallStatus.Ringing => CallState.Ringing,
        CallStatus.InProgress => CallState.InProgress,
        CallStatus.Completed => CallState.Completed,
        CallStatus.Busy => CallState.Busy,
        CallStatus.Failed => CallState.Failed,
        CallStatus.NoAnswer => CallState.NoAnswer,
        CallStatus.Canceled => CallState.Canceled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown call status."),
    };

    private static string? Token(string? token) => string.IsNullOrWhiteSpace(token) ? null : token;
}
