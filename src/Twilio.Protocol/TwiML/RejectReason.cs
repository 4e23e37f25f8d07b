namespace Twilio.Protocol.TwiML;

/// <summary>How <c>&lt;Reject&gt;</c> refuses a call.</summary>
public enum RejectReason
{
    Rejected,
    Busy,
}
