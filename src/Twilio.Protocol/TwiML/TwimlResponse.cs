namespace Twilio.Protocol.TwiML;

/// <summary>A TwiML document: a <c>&lt;Response&gt;</c> root that verbs are appended to in order.</summary>
public abstract class TwimlResponse
{
    /// <summary>The content type to answer a webhook with.</summary>
    public const string ContentType = "application/xml; charset=utf-8";

    internal TwimlNode Root { get; } = new("Response");

    /// <summary>
    /// The document as <c>&lt;?xml version="1.0" encoding="UTF-8"?&gt;&lt;Response&gt;...&lt;/Response&gt;</c>:
    /// text escaped, non-ASCII text (Chinese) written as itself, only the attributes that were set.
    /// Send it UTF-8 encoded.
    /// </summary>
    public string ToXml() => Root.ToXml();

    /// <inheritdoc cref="ToXml"/>
    public override string ToString() => ToXml();
}
