namespace Twilio.Protocol.Rest;

/// <summary>The call progress events a status callback can be asked for (StatusCallbackEvent).</summary>
public enum CallProgressEvent
{
    Initiated,
    Ringing,
    Answered,
    Completed,
}

/// <summary>Answering machine detection (MachineDetection).</summary>
public enum MachineDetection
{
    /// <summary>Report who answered as soon as it is known.</summary>
    Enable,

    /// <summary>Wait for the machine's greeting to end, to leave a message.</summary>
    DetectMessageEnd,
}

/// <summary>The statuses a call can be ended with through the REST API.</summary>
public enum CallEndStatus
{
    /// <summary>Hangs up a call in progress.</summary>
    Completed,

    /// <summary>Cancels a call that is queued or ringing.</summary>
    Canceled,
}
