namespace Twilio.Protocol.TwiML;

/// <summary>What a <c>&lt;Gather&gt;</c> listens for.</summary>
public enum GatherInput
{
    Dtmf,
    Speech,
    DtmfSpeech,
}
