namespace Twilio.Protocol.TwiML;

/// <summary>
/// <c>&lt;Gather&gt;</c>: collects keypresses and/or speech, then requests <see cref="Action"/> with Digits or
/// SpeechResult. Prompts added with <see cref="Say"/>, <see cref="Play"/> and <see cref="Pause"/> play while it listens.
/// Speech languages differ from Say's: Mandarin is <c>cmn-Hans-CN</c> here, not <c>zh-CN</c>.
/// </summary>
public sealed class Gather
{
    private readonly List<TwimlNode> _prompts = [];

    public GatherInput? Input { get; init; }

    public int? NumDigits { get; init; }

    /// <summary>Seconds to wait for input (Twilio's default 5).</summary>
    public int? Timeout { get; init; }

    /// <summary>The key that ends input (Twilio's default #); empty for none.</summary>
    public string? FinishOnKey { get; init; }

    public string? Action { get; init; }

    public CallbackMethod? Method { get; init; }

    public bool? ActionOnEmptyResult { get; init; }

    public string? Language { get; init; }

    /// <summary>Comma-separated words or phrases that speech recognition should expect.</summary>
    public string? Hints { get; init; }

    public SpeechTimeout? SpeechTimeout { get; init; }

    public Gather Say(string text, string? voice = null, string? language = null, int? loop = null)
    {
        _prompts.Add(Prompts.Say(text, voice, language, loop));
        return this;
    }

    public Gather Play(string? url, int? loop = null, string? digits = null)
    {
        _prompts.Add(Prompts.Play(url, loop, digits));
        return this;
    }

    public Gather Pause(int? length = null)
    {
        _prompts.Add(Prompts.Pause(length));
        return this;
    }

    internal TwimlNode ToNode()
    {
        var node = new TwimlNode("Gather")
            .Attribute("input", TwimlValues.Of(Input))
            .Attribute("numDigits", NumDigits)
            .Attribute("timeout", Timeout)
            .Attribute("finishOnKey", FinishOnKey)
            .Attribute("action", Action)
            .Attribute("method", TwimlValues.Of(Method))
            .Attribute("actionOnEmptyResult", ActionOnEmptyResult)
            .Attribute("language", Language)
            .Attribute("hints", Hints)
            .Attribute("speechTimeout", SpeechTimeout?.Value);
        foreach (var prompt in _prompts)
        {
            node.Add(prompt);
        }

        return node;
    }
}
