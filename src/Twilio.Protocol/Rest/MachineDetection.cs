namespace Twilio.Protocol.Rest;

/// <summary>Answering machine detection (MachineDetection).</summary>
public enum MachineDetection
{
    /// <summary>Report who answered as soon as it is known.</summary>
    Enable,

    /// <summary>Wait for the machine's greeting to end, to leave a message.</summary>
    DetectMessageEnd,
}
