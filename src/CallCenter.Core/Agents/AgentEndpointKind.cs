namespace CallCenter.Core.Agents;

/// <summary>How the hub reaches an agent's phone when they accept a call.</summary>
public enum AgentEndpointKind
{
    /// <summary>A Twilio (or simulator) client name.</summary>
    Client,

    /// <summary>A phone number in E.164.</summary>
    Number,

    /// <summary>A SIP address, sip:user@host.</summary>
    Sip,
}
