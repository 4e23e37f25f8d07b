using System.Globalization;
using System.Text;
using System.Xml;

namespace Twilio.Protocol.TwiML;

/// <summary>
/// One TwiML element: attributes in the order they were set (only those set), then text and child elements.
/// </summary>
internal sealed class TwimlNode(string name)
{
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private readonly List<object> _content = [];

    public string Name { get; } = name;

    public TwimlNode Attribute(string attribute, string? value)
    {
        if (value is not null)
        {
            _attributes.Add(new(attribute, value));
        }

        return this;
    }

    public TwimlNode Attribute(string attribute, int? value) =>
        Attribute(attribute, value?.ToString(CultureInfo.InvariantCulture));

    // Twilio reads "true"/"false"; the official libraries print JavaScript/Python booleans the same way.
    public TwimlNode Attribute(string attribute, bool? value) =>
        Attribute(attribute, value switch { null => null, true => "true", false => "false" });

    public TwimlNode Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _content.Add(text);
        }

        return this;
    }

    public TwimlNode Add(TwimlNode child)
    {
        _content.Add(child);
        return child;
    }

    public string ToXml()
    {
        var builder = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""");
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            // Entitize keeps CR, LF and tabs in attributes (and CR in text) exactly as given instead of normalising them.
            NewLineHandling = NewLineHandling.Entitize,
        };
        using (var writer = XmlWriter.Create(builder, settings))
        {
            WriteTo(writer);
        }

        return builder.ToString();
    }

    private void WriteTo(XmlWriter writer)
    {
        writer.WriteStartElement(Name);
        foreach (var (attribute, value) in _attributes)
        {
            writer.WriteAttributeString(attribute, XmlText.Clean(value));
        }

        foreach (var item in _content)
        {
            if (item is TwimlNode child)
            {
                child.WriteTo(writer);
            }
            else
            {
                writer.WriteString(XmlText.Clean((string)item));
            }
        }

        writer.WriteEndElement();
    }
}
