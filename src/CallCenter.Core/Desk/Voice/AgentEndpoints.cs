
namespace CallCenter.Core.Desk.Voice;

/// <summary>How an agent's phone is reached: a Twilio client identity, a phone number or a SIP address.</summary>
public sealed record AgentEndpoint(string Kind, string Address)
{
    public const string Client = "client";
    public const string Number = "number";
    public const string Sip = "sip";
}
