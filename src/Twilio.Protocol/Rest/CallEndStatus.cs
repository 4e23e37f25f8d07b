namespace Twilio.Protocol.Rest;

/// <summary>The statuses a call can be ended with through the REST API.</summary>
public enum CallEndStatus
{
    /// <summary>Hangs up a call in progress.</summary>
    Completed,

    /// <summary>Cancels a call that is queued or ringing.</summary>
    Canceled,
}
