using System.Globalization;
using System.Xml.Linq;

namespace Carrier.Simulator.Calls;

/// <summary>Reads TwiML attributes leniently, with Twilio's defaults.</summary>
internal static class TwimlAttributes
{
    public static string? Text(this XElement element, string name) =>
        element.Attribute(name)?.Value is { Length: > 0 } value ? value : null;

    public static int Int(this XElement element, string name, int fallback) =>
        int.TryParse(element.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static int? Int(this XElement element, string name) =>
        int.TryParse(element.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Bool(this XElement element, string name) =>
        string.Equals(element.Attribute(name)?.Value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The element's own text (not its children's), trimmed.</summary>
    public static string OwnText(this XElement element) =>
        string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();

    /// <summary>A URL from TwiML, resolved against the document it appears in, as Twilio resolves relative URLs.</summary>
    public static string Resolve(string documentUrl, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? url
            : new Uri(new Uri(documentUrl), url).AbsoluteUri;

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
