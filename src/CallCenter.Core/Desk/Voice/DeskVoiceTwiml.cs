using Ivr.Flows.Languages;
using Microsoft.Extensions.Options;
using Twilio.Protocol.TwiML;

namespace CallCenter.Core.Desk.Voice;

/// <summary>The TwiML documents of the voice path. Every Say is in the caller's language with that language's voice.</summary>
public sealed class DeskVoiceTwiml(DeskVoiceLinks links, IOptions<DeskVoiceOptions> options)
{
    // Between two hold messages; short enough that a caller never wonders whether they were cut off.
    private const int HoldPauseSeconds = 20;

    public static IvrLanguage Language(string? tag) => DeskVoicePrompts.LanguageOf(tag);

    /// <summary>Dials the agent's endpoint; the noun's url is the whisper, whose request says the agent answered.</summary>
    public string Connect(Guid offerId, AgentEndpoint agent, string queue, string language, int leg, string? callerId)
    {
        var whisper = links.Whisper(offerId, queue, language, leg);
        var dial = new Dial
        {
            Action = links.DialEnded(offerId, queue, language, leg),
            CallerId = callerId,
            Timeout = options.Value.AgentRingSeconds,
            AnswerOnBridge = true,
        };
        _ = agent.Kind switch
        {
            AgentEndpoint.Number => dial.Number(agent.Address, url: whisper),
            AgentEndpoint.Sip => dial.Sip(agent.Address, url: whisper),
            _ => dial.Client(agent.Address, url: whisper),
        };
        return new VoiceResponse().Dial(dial).ToXml();
    }

    /// <summary>What the agent hears on answering, before the caller is put through.</summary>
    public static string Whisper(string queue, string language) =>
        Say(new VoiceResponse(), DeskVoicePrompts.Whisper(queue, Language(language)), IvrLanguage.EnglishUs).ToXml();

    /// <summary>The caller on hold: a message, music or a pause, and again.</summary>
    public string Hold(Guid offerId, string language)
    {
        var response = Say(new VoiceResponse(), DeskVoicePrompts.Hold.In(Language(language)), Language(language));
        return Music(response).Redirect(links.Hold(offerId, language)).ToXml();
    }

    /// <summary>The Enqueue waitUrl: Twilio requests it again whenever it has played out.</summary>
    public string HoldMusic(string language) =>
        Music(Say(new VoiceResponse(), DeskVoicePrompts.Waiting.In(Language(language)), Language(language))).ToXml();

    /// <summary>Back in line; the queue entry already has its old place (routing moved it).</summary>
    public string Requeue(string queue, string language, bool agentMissed)
    {
        var response = new VoiceResponse();
        if (agentMissed)
        {
            Say(response, DeskVoicePrompts.BackInLine.In(Language(language)), Language(language));
        }

        return response.Enqueue(new Enqueue(queue) { Action = links.QueueLeft(queue, language), WaitUrl = links.HoldMusic(language) }).ToXml();
    }

    public string TransferDial(Guid offerId, string number, string language, string? callerId)
    {
        var response = Say(new VoiceResponse(), DeskVoicePrompts.Transferring.In(Language(language)), Language(language));
        return response.Dial(new Dial { Action = links.TransferEnded(offerId, language), CallerId = callerId }.Number(number)).ToXml();
    }

    public static string SayAndHangUp((string Zh, string En) prompt, string? language) =>
        Say(new VoiceResponse(), prompt.In(Language(language)), Language(language)).Hangup().ToXml();

    /// <summary>Ends the agent's leg before they are put through (the caller is gone).</summary>
    public static string HangUp() => new VoiceResponse().Hangup().ToXml();

    /// <summary>An empty document: the answer to an action Twilio requests after the call moved on, which it ignores.</summary>
    public static string Nothing() => new VoiceResponse().ToXml();

    public string Voicemail(string queue, string language) =>
        Say(new VoiceResponse(), DeskVoicePrompts.Voicemail.In(Language(language)), Language(language))
            .Record(new RecordOptions { Action = links.Recorded(queue, language), MaxLength = 120, PlayBeep = true, FinishOnKey = "#" })
            .ToXml();

    /// <summary>Press 1 for a callback that keeps the caller's place; no key leads to the voicemail.</summary>
    public string CallbackOffer(string queue, string language)
    {
        var lang = Language(language);
        var gather = new Gather { Input = GatherInput.Dtmf, NumDigits = 1, Timeout = 8, Action = links.CallbackChoice(queue, language), ActionOnEmptyResult = true }
            .Say(DeskVoicePrompts.CallbackOffer.In(lang), lang.DefaultVoice, lang.SayLanguage);
        return new VoiceResponse().Gather(gather).Redirect(links.Voicemail(queue, language)).ToXml();
    }

    private VoiceResponse Music(VoiceResponse response) =>
        options.Value.HoldMusicUrl is { Length: > 0 } music ? response.Play(music) : response.Pause(HoldPauseSeconds);

    private static VoiceResponse Say(VoiceResponse response, string text, IvrLanguage language) =>
        response.Say(text, language.DefaultVoice, language.SayLanguage);
}
