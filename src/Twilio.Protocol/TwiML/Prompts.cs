namespace Twilio.Protocol.TwiML;

/// <summary>The Say, Play and Pause elements, shared by the response and by <see cref="Gather"/>.</summary>
internal static class Prompts
{
    public static TwimlNode Say(string text, string? voice, string? language, int? loop)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TwimlNode("Say").Attribute("voice", voice).Attribute("language", language).Attribute("loop", loop).Text(text);
    }

    public static TwimlNode Play(string? url, int? loop, string? digits)
    {
        if (url is null && digits is null)
        {
            throw new ArgumentException("Play needs a URL or digits.", nameof(url));
        }

        return new TwimlNode("Play").Attribute("loop", loop).Attribute("digits", digits).Text(url);
    }

    public static TwimlNode Pause(int? length) => new TwimlNode("Pause").Attribute("length", length);
}
