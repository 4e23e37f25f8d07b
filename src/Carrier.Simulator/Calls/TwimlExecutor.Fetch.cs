using System.Xml;
using System.Xml.Linq;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

internal sealed partial class TwimlExecutor
{
    /// <summary>The parameters Twilio sends with every TwiML request of a call.</summary>
    private static List<KeyValuePair<string, string>> CallParameters(SimulatedCall call) =>
        new(new VoiceRequest
        {
            CallSid = call.Sid,
            AccountSid = call.AccountSid,
            From = call.From,
            To = call.To,
            CallStatus = call.Status,
            ApiVersion = CallStatusReporter.ApiVersion,
            Direction = call.Direction,
        }.ToForm())
        {
            new("Caller", call.From),
            new("Called", call.To),
        };

    /// <summary>Requests TwiML from the hub; null (with the error in the transcript) when there is none to run.</summary>
    private async Task<TwimlDocument?> FetchAsync(
        SimulatedCall call, string url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        if (++call.DocumentsFetched > options.Value.MaxDocumentsPerCall)
        {
            call.Note(Time.GetUtcNow(), "error", "Too many TwiML documents on one call; the simulator ends it (redirect loop?)");
            return null;
        }

        var response = await RequestAsync(call, url, method, fields, cancellationToken);
        return response is null ? null : Parse(call, response, url);
    }

    /// <summary>A TwiML request whose answer is ignored (an action after hangup, as Twilio makes).</summary>
    private async Task NotifyAsync(SimulatedCall call, string url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        await RequestAsync(call, url, method, fields, cancellationToken);

    private async Task<string?> RequestAsync(
        SimulatedCall call, string url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var all = CallParameters(call);
        all.AddRange(fields.Where(f => f.Key != "CallSid"));
        var details = fields.Where(f => f.Key != "CallSid").ToDictionary(f => f.Key, f => f.Value);
        details["url"] = url;
        call.Note(Time.GetUtcNow(), "request", method + " " + url, details);
        try
        {
            var response = await hub.SendAsync(url, method, all, cancellationToken);
            if (response.IsSuccess)
            {
                return response.Body;
            }

            call.Note(Time.GetUtcNow(), "error", "11200 HTTP retrieval failure: the hub answered " + response.Status, Url(url));
            return null;
        }
        catch (HttpRequestException ex)
        {
            call.Note(Time.GetUtcNow(), "error", "11200 HTTP retrieval failure: " + ex.Message, Url(url));
            return null;
        }
    }

    private TwimlDocument? Parse(SimulatedCall call, string twiml, string url)
    {
        try
        {
            var root = XDocument.Parse(twiml).Root;
            if (root?.Name.LocalName == "Response")
            {
                return new TwimlDocument(url, root);
            }

            call.Note(Time.GetUtcNow(), "error", "12100 Document parse failure: the root element is not <Response>", Url(url));
            return null;
        }
        catch (XmlException ex)
        {
            call.Note(Time.GetUtcNow(), "error", "12100 Document parse failure: " + ex.Message, Url(url));
            return null;
        }
    }

    /// <summary>A verb's action: its action URL (default: the current document) with its method (default POST).</summary>
    private static Next.Fetch Action(TwimlDocument document, XElement verb, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        new(TwimlAttributes.Resolve(document.Url, verb.Text("action") ?? document.Url), verb.Text("method") ?? "POST", fields);
}
