namespace Twilio.Protocol.Webhooks;

/// <summary>Why a caller left an <c>&lt;Enqueue&gt;</c> (QueueResult).</summary>
public enum QueueResult
{
    Bridged,
    BridgingInProgress,
    QueueFull,
    Error,
    Hangup,
    Leave,
    Redirected,
    RedirectedFromBridged,
    SystemShutdown,
    SystemError,
}
