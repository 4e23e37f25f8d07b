namespace Twilio.Protocol.TwiML;

/// <summary>The TwiML answer to an incoming SMS: zero or more replies, or a redirect.</summary>
public sealed class MessagingResponse : TwimlResponse
{
    /// <summary>A reply. Without <paramref name="to"/> and <paramref name="from"/> it goes back to the sender.</summary>
    public MessagingResponse Message(
        string body,
        string? to = null,
        string? from = null,
        string? action = null,
        CallbackMethod? method = null,
        string? statusCallback = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        Root.Add(new TwimlNode("Message")
            .Attribute("to", to)
            .Attribute("from", from)
            .Attribute("action", action)
            .Attribute("method", TwimlValues.Of(method))
            .Attribute("statusCallback", statusCallback)
            .Text(body));
        return this;
    }

    public MessagingResponse Redirect(string url, CallbackMethod? method = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        Root.Add(new TwimlNode("Redirect").Attribute("method", TwimlValues.Of(method)).Text(url));
        return this;
    }
}
