using Ivr.Flows.Languages;
using Twilio.Protocol.TwiML;

namespace CallCenter.Core.Ivr;

/// <summary>What a caller hears when the hub cannot carry the call on (no session, an unknown flow version, a fault).</summary>
public static class FlowApology
{
    public const string Chinese = "抱歉，系统暂时无法处理您的来电，请稍后再拨。";
    public const string English = "Sorry, we cannot handle your call right now. Please call again later.";

    public static string Voice()
    {
        var chinese = IvrLanguage.ChineseMandarin;
        var english = IvrLanguage.EnglishUs;
        return new VoiceResponse()
            .Say(Chinese, voice: chinese.DefaultVoice, language: chinese.SayLanguage)
            .Say(English, voice: english.DefaultVoice, language: english.SayLanguage)
            .Hangup()
            .ToXml();
    }
}
