using System.Xml.Linq;

namespace Twilio.Protocol.Tests.Reference;

/// <summary>
/// Normalises a TwiML document for comparison: parsed (so escaping choices such as &amp;#x27; versus ' do not
/// matter), attributes sorted by name, adjacent text merged, and the declaration kept.
/// </summary>
internal static class CanonicalXml
{
    public static string Normalize(string xml)
    {
        var document = XDocument.Parse(xml, LoadOptions.None);
        var declaration = document.Declaration is null ? "(none)" : $"{document.Declaration.Version}/{document.Declaration.Encoding}";
        return declaration + "|" + Normalize(document.Root!).ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Normalize(XElement element)
    {
        var copy = new XElement(element.Name, element.Attributes().OrderBy(a => a.Name.ToString(), StringComparer.Ordinal));
        var text = string.Empty;
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text += t.Value;
                    break;
                case XElement child:
                    Flush(copy, ref text);
                    copy.Add(Normalize(child));
                    break;
            }
        }

        Flush(copy, ref text);
        return copy;
    }

    private static void Flush(XElement copy, ref string text)
    {
        if (text.Length > 0)
        {
            copy.Add(new XText(text));
            text = string.Empty;
        }
    }
}
