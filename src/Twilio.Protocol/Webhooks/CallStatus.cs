namespace Twilio.Protocol.Webhooks;

/// <summary>A call's status as Twilio reports it (CallStatus).</summary>
public enum CallStatus
{
    Queued,

    /// <summary>Sent by some accounts with the "initiated" status callback event; not in the REST resource's list.</summary>
    Initiated,
    Ringing,
    InProgress,
    Completed,
    Busy,
    Failed,
    NoAnswer,
    Canceled,
}
