using System.Xml;
using System.Xml.Linq;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

internal sealed partial class TwimlExecutor
{
    /// <summary>
    /// The url of a Dial noun, run on the dialled party's leg after it answers and before the parties are connected:
    /// requested with that leg's parameters (its own CallSid, ParentCallSid the caller's, Direction outbound-dial), as
    /// Twilio does. What it says is noted as "whisper" on the caller's transcript (the caller does not hear it).
    /// False when the dialled party hangs up in it (declines the call) or it cannot be run.
    /// </summary>
    private async Task<bool> WhisperAsync(SimulatedCall call, DialLeg leg, (string Url, string Method) whisper, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>(new VoiceRequest
        {
            CallSid = leg.Sid,
            AccountSid = call.AccountSid,
            From = leg.CallerId ?? call.From,
            To = leg.Address,
            CallStatus = CallStatus.InProgress,
            ApiVersion = CallStatusReporter.ApiVersion,
            Direction = CallDirection.OutboundDial,
            ParentCallSid = call.Sid,
        }.ToForm())
        {
            new("Caller", leg.CallerId ?? call.From),
            new("Called", leg.Address),
        };
        call.Note(Time.GetUtcNow(), "request", whisper.Method + " " + whisper.Url, new Dictionary<string, string>
        {
            ["url"] = whisper.Url,
            ["leg"] = leg.Sid,
            ["purpose"] = "whisper",
        });

        XElement? root;
        try
        {
            var response = await hub.SendAsync(whisper.Url, whisper.Method, fields, cancellationToken);
            root = response.IsSuccess ? XDocument.Parse(response.Body).Root : null;
            if (root?.Name.LocalName != "Response")
            {
                call.Note(Time.GetUtcNow(), "error", "Whisper TwiML could not be run (HTTP " + response.Status + ")", Url(whisper.Url));
                return false;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or XmlException)
        {
            call.Note(Time.GetUtcNow(), "error", "Whisper TwiML could not be fetched: " + ex.Message, Url(whisper.Url));
            return false;
        }

        foreach (var verb in root.Elements())
        {
            var now = Time.GetUtcNow();
            switch (verb.Name.LocalName)
            {
                case "Say":
                    call.Note(now, "whisper", verb.Value.Trim(), Details(("language", verb.Text("language")), ("voice", verb.Text("voice")), ("leg", leg.Sid)));
                    break;
                case "Play":
                    call.Note(now, "whisper", "play " + verb.Value.Trim(), Details(("leg", leg.Sid)));
                    break;
                case "Pause":
                    await waits.PauseAsync(call, TimeSpan.FromSeconds(Math.Max(0, verb.Int("length", 1))), cancellationToken);
                    break;
                case "Hangup" or "Reject":
                    call.Note(now, "whisper", "the dialled party hung up in the whisper", Details(("leg", leg.Sid)));
                    return false;
                default:
                    call.Note(now, "error", "<" + verb.Name.LocalName + "> in a whisper is not simulated", Url(whisper.Url));
                    break;
            }
        }

        return true;
    }
}
