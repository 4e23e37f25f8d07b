namespace Twilio.Protocol.Webhooks;

/// <summary>How a <c>&lt;Dial&gt;</c> ended (DialCallStatus).</summary>
public enum DialCallStatus
{
    Completed,
    Answered,
    Busy,
    NoAnswer,
    Failed,
    Canceled,
}
