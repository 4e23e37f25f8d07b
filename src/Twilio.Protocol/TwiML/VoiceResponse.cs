namespace Twilio.Protocol.TwiML;

/// <summary>
/// The TwiML answer to a voice webhook, built verb by verb:
/// <code>new VoiceResponse().Say("您好", language: "zh-CN").Gather(new Gather { NumDigits = 1 }.Say("请按1")).ToXml()</code>
/// </summary>
public sealed class VoiceResponse : TwimlResponse
{
    public VoiceResponse Say(string text, string? voice = null, string? language = null, int? loop = null) =>
        Verb(Prompts.Say(text, voice, language, loop));

    public VoiceResponse Play(string? url, int? loop = null, string? digits = null) => Verb(Prompts.Play(url, loop, digits));

    public VoiceResponse Pause(int? length = null) => Verb(Prompts.Pause(length));

    public VoiceResponse Gather(Gather gather)
    {
        ArgumentNullException.ThrowIfNull(gather);
        return Verb(gather.ToNode());
    }

    public VoiceResponse Record(RecordOptions? options = null) => Verb((options ?? new RecordOptions()).ToNode());

    public VoiceResponse Enqueue(Enqueue enqueue)
    {
        ArgumentNullException.ThrowIfNull(enqueue);
        return Verb(enqueue.ToNode());
    }

    /// <summary>Takes the caller out of the queue; the Enqueue action URL runs next.</summary>
    public VoiceResponse Leave() => Verb(new TwimlNode("Leave"));

    public VoiceResponse Dial(Dial dial)
    {
        ArgumentNullException.ThrowIfNull(dial);
        return Verb(dial.ToNode());
    }

    public VoiceResponse Redirect(string url, CallbackMethod? method = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return Verb(new TwimlNode("Redirect").Attribute("method", TwimlValues.Of(method)).Text(url));
    }

    public VoiceResponse Hangup() => Verb(new TwimlNode("Hangup"));

    /// <summary>Refuses the call before it is answered, so the caller is not billed.</summary>
    public VoiceResponse Reject(RejectReason? reason = null) =>
        Verb(new TwimlNode("Reject").Attribute("reason", TwimlValues.Of(reason)));

    private VoiceResponse Verb(TwimlNode node)
    {
        Root.Add(node);
        return this;
    }
}
