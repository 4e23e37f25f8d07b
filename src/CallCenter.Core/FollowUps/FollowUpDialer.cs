using CallCenter.Core.Desk.Voice;
using Ivr.Flows.Languages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.TwiML;

namespace CallCenter.Core.FollowUps;

/// <summary>
/// Calls a follow-up's patient agent first, as the desk's callbacks reach the agent: the carrier rings the agent's
/// endpoint (their profile's number, SIP address or client), and the call's TwiML, given inline, dials the patient once
/// the agent answers. The caller ID is the hotline (<c>DeskVoice:HotlineNumber</c>), as on every call the desk places.
/// </summary>
public sealed partial class FollowUpDialer(TwilioRestClientFactory twilio, IOptions<DeskVoiceOptions> voice, ILogger<FollowUpDialer> logger)
{
    private const string Connecting = "Follow-up call: connecting the patient.";

    /// <summary>The SID of the call placed; null when the carrier did not place it.</summary>
    public async Task<string?> PlaceAsync(Guid followUpId, AgentEndpoint agent, string patientE164, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var hotline = voice.Value.HotlineNumber is { Length: > 0 } configured ? configured : null;
        var english = IvrLanguage.EnglishUs;
        var twiml = new VoiceResponse()
            .Say(Connecting, english.DefaultVoice, english.SayLanguage)
            .Dial(new Dial { CallerId = hotline }.Number(patientE164))
            .ToXml();
        try
        {
            var placed = await twilio.Create().CreateCallAsync(
                new CreateCallRequest
                {
                    To = Address(agent),
                    // Without a hotline the agent's phone shows the patient's number, which is whom they are about to speak to.
                    From = hotline ?? patientE164,
                    Twiml = twiml,
                    Timeout = voice.Value.AgentRingSeconds,
                },
                cancellationToken);
            LogPlaced(logger, followUpId, placed.Sid);
            return placed.Sid;
        }
        catch (Exception ex) when (CarrierFailure.Is(ex, cancellationToken) || ex is ArgumentException)
        {
            LogFailed(logger, followUpId, ex);
            return null;
        }
    }

    /// <summary>The REST <c>To</c> of an agent's endpoint: a number or SIP address as it is, a client as <c>client:identity</c>.</summary>
    public static string Address(AgentEndpoint agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Kind == AgentEndpoint.Client && !agent.Address.StartsWith("client:", StringComparison.Ordinal) ? "client:" + agent.Address : agent.Address;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId} dialled agent first: call {CallSid}")]
    private static partial void LogPlaced(ILogger logger, Guid followUpId, string callSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId}: the carrier did not place the call")]
    private static partial void LogFailed(ILogger logger, Guid followUpId, Exception exception);
}
