namespace Twilio.Protocol.Webhooks;

/// <summary>Which way a call goes (Direction).</summary>
public enum CallDirection
{
    Inbound,
    OutboundApi,
    OutboundDial,
    TrunkingOriginating,
    TrunkingTerminating,
}
