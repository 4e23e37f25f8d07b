using System.Xml.Linq;

namespace Carrier.Simulator.Calls;

/// <summary>A parsed TwiML document and the URL it came from (the base for relative URLs and the default action).</summary>
internal sealed record TwimlDocument(string Url, XElement Root);

/// <summary>What a call does after a verb: fetch new TwiML, run inline TwiML, or end. Null means the next verb.</summary>
internal abstract record Next
{
    public sealed record Fetch(string Url, string Method, IReadOnlyList<KeyValuePair<string, string>> Fields) : Next;

    public sealed record Inline(string Twiml, string BaseUrl) : Next;

    public sealed record End(Twilio.Protocol.Webhooks.CallStatus Status) : Next;
}
