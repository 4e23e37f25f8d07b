namespace Twilio.Protocol.Rest;

/// <summary>The call progress events a status callback can be asked for (StatusCallbackEvent).</summary>
public enum CallProgressEvent
{
    Initiated,
    Ringing,
    Answered,
    Completed,
}
