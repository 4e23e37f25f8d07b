namespace Ivr.Flows.Execution;

/// <summary>Why a webhook reached the flow; the hub reads it from the action URL the engine rendered.</summary>
public enum FlowEvent
{
    /// <summary>A Gather finished (Digits or SpeechResult, or nothing on timeout).</summary>
    Gathered,

    /// <summary>A Record finished (RecordingUrl, RecordingDuration).</summary>
    Recorded,

    /// <summary>A Dial finished (DialCallStatus).</summary>
    Dialed,

    /// <summary>The caller left a queue (QueueResult: bridged, hangup, leave, error...).</summary>
    QueueLeft,

    /// <summary>Twilio asks the queue's waitUrl what to play while the caller holds (QueuePosition, QueueTime).</summary>
    Hold,

    /// <summary>The caller pressed a key during the hold message (Digits).</summary>
    HoldKey,

    /// <summary>An SMS from the patient (Body).</summary>
    SmsReceived,
}
