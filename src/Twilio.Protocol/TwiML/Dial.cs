namespace Twilio.Protocol.TwiML;

/// <summary>
/// <c>&lt;Dial&gt;</c>: connects the caller to another party. Either a plain number given to the constructor, or
/// nouns added with <see cref="Number"/>, <see cref="Client"/>, <see cref="Sip"/>, <see cref="Queue"/>,
/// <see cref="Conference"/>.
/// </summary>
public sealed class Dial(string? number = null)
{
    private readonly List<TwimlNode> _nouns = [];

    public string? Action { get; init; }

    public CallbackMethod? Method { get; init; }

    public string? CallerId { get; init; }

    /// <summary>Seconds to let the other party ring (Twilio's default 30).</summary>
    public int? Timeout { get; init; }

    public DialRecord? Record { get; init; }

    /// <summary>Keeps the caller hearing ringing, not silence, until the other party answers.</summary>
    public bool? AnswerOnBridge { get; init; }

    /// <summary>Longest call in seconds.</summary>
    public int? TimeLimit { get; init; }

    public Dial Number(string phoneNumber, string? sendDigits = null, string? url = null, string? statusCallback = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(phoneNumber);
        return Noun(new TwimlNode("Number").Attribute("sendDigits", sendDigits).Attribute("url", url)
            .Attribute("statusCallback", statusCallback).Text(phoneNumber));
    }

    public Dial Client(string identity, string? url = null, string? statusCallback = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        return Noun(new TwimlNode("Client").Attribute("url", url).Attribute("statusCallback", statusCallback).Text(identity));
    }

    /// <summary>A SIP address; <paramref name="url"/> is TwiML run on the called party's end when they answer (a whisper).</summary>
    public Dial Sip(string sipUri, string? username = null, string? password = null, string? url = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sipUri);
        return Noun(new TwimlNode("Sip").Attribute("username", username).Attribute("password", password).Attribute("url", url).Text(sipUri));
    }

    /// <summary>Bridges to the first caller waiting in the queue; <paramref name="url"/> plays to that caller first.</summary>
    public Dial Queue(string queueName, string? url = null, CallbackMethod? method = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        return Noun(new TwimlNode("Queue").Attribute("url", url).Attribute("method", TwimlValues.Of(method)).Text(queueName));
    }

    public Dial Conference(
        string roomName,
        bool? startConferenceOnEnter = null,
        bool? endConferenceOnExit = null,
        string? waitUrl = null,
        bool? beep = null,
        bool? muted = null,
        string? statusCallback = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomName);
        return Noun(new TwimlNode("Conference")
            .Attribute("startConferenceOnEnter", startConferenceOnEnter)
            .Attribute("endConferenceOnExit", endConferenceOnExit)
            .Attribute("waitUrl", waitUrl)
            .Attribute("beep", beep)
            .Attribute("muted", muted)
            .Attribute("statusCallback", statusCallback)
            .Text(roomName));
    }

    internal TwimlNode ToNode()
    {
        var node = new TwimlNode("Dial")
            .Attribute("action", Action)
            .Attribute("method", TwimlValues.Of(Method))
            .Attribute("callerId", CallerId)
            .Attribute("timeout", Timeout)
            .Attribute("record", TwimlValues.Of(Record))
            .Attribute("answerOnBridge", AnswerOnBridge)
            .Attribute("timeLimit", TimeLimit)
            .Text(number);
        foreach (var noun in _nouns)
        {
            node.Add(noun);
        }

        return node;
    }

    private Dial Noun(TwimlNode noun)
    {
        _nouns.Add(noun);
        return this;
    }
}
