using Ivr.Flows.Languages;
using Twilio.Protocol.TwiML;

namespace CallCenter.Api.Telephony;

/// <summary>The answer until the IVR exists: a short greeting in Mandarin, then English, then hang up.</summary>
internal sealed class GreetingCallHandler : IIncomingCallHandler
{
    public const string ChineseGreeting = "您好，感谢致电医院患者服务中心。";
    public const string EnglishGreeting = "Hello, thank you for calling the hospital patient service centre.";

    public Task<string> AnswerAsync(IncomingCallContext call, CancellationToken cancellationToken)
    {
        var chinese = IvrLanguage.ChineseMandarin;
        var english = IvrLanguage.EnglishUs;
        var response = new VoiceResponse()
            .Say(ChineseGreeting, voice: chinese.DefaultVoice, language: chinese.SayLanguage)
            .Say(EnglishGreeting, voice: english.DefaultVoice, language: english.SayLanguage)
            .Hangup();
        return Task.FromResult(response.ToXml());
    }
}
