using Twilio.Protocol.TwiML;

namespace Twilio.Protocol.Tests.TwiML;

/// <summary>
/// The same responses as tools/twilio-reference/twiml.js builds with Twilio's official library, by case name.
/// Keep the two files in step.
/// </summary>
internal static class TwimlReferenceCases
{
    private const string SpecialText = "A & B < C > D \"double\" 'single' ]]> %20 + plus";

    public static IReadOnlyDictionary<string, Func<TwimlResponse>> All { get; } = new Dictionary<string, Func<TwimlResponse>>
    {
        ["empty"] = () => new VoiceResponse(),
        ["say-chinese"] = () => new VoiceResponse()
            .Say("您好，这里是第一人民医院。请稍候。", voice: "Polly.Zhiyu", language: "zh-CN", loop: 2)
            .Say("你好，歡迎致電", language: "yue-HK"),
        ["say-special-characters"] = () => new VoiceResponse()
            .Say(SpecialText, language: "en-US")
            .Say("第一行\r\n第二行\n\tTab 结束")
            .Say("Emoji 😀 and 𠀀 outside the BMP"),
        ["attributes-special-characters"] = () => new VoiceResponse()
            .Redirect("/twilio/voice/next?step=1&lang=zh-CN&q=\"x\"<y>", CallbackMethod.Post)
            .Play("https://cdn.example.com/音乐/hold music.mp3?a=1&b=2", digits: "ww1#*")
            .Gather(new Gather { Action = "/twilio/next?q=\"x\"&r=<y>&s='z'", Hints = "tab\there, line\nbreak, 回车\r" }),
        ["gather-menu"] = () => new VoiceResponse()
            .Gather(new Gather
            {
                Input = GatherInput.DtmfSpeech,
                NumDigits = 1,
                Timeout = 5,
                FinishOnKey = "#",
                Action = "/twilio/ivr/menu?step=1&lang=zh",
                Method = CallbackMethod.Post,
                ActionOnEmptyResult = true,
                Language = "cmn-Hans-CN",
                Hints = "预约,取消,人工服务",
                SpeechTimeout = SpeechTimeout.Auto,
            }
                .Say("预约请按1，取消请按2，人工服务请按0。", language: "zh-CN")
                .Pause(1)
                .Play("https://cdn.example.com/beep.mp3", loop: 1))
            .Say("没有收到您的输入。", language: "zh-CN")
            .Redirect("/twilio/ivr/menu?retry=1"),
        ["gather-dtmf-no-finish-key"] = () => new VoiceResponse()
            .Gather(new Gather { Input = GatherInput.Dtmf, FinishOnKey = "", Timeout = 10, SpeechTimeout = SpeechTimeout.Seconds(3), NumDigits = 11 })
            .Gather(new Gather { Input = GatherInput.Speech, Language = "en-US", ActionOnEmptyResult = false, Method = CallbackMethod.Get }),
        ["play-and-pause"] = () => new VoiceResponse()
            .Play(null, digits: "ww1234")
            .Play("https://cdn.example.com/hold.mp3", loop: 0)
            .Pause(3)
            .Pause(),
        ["record-voicemail"] = () => new VoiceResponse()
            .Say("请在提示音后留言，按星号键结束。", language: "zh-CN")
            .Record(new RecordOptions
            {
                Action = "/twilio/voicemail/done",
                Method = CallbackMethod.Post,
                MaxLength = 120,
                PlayBeep = true,
                Timeout = 5,
                FinishOnKey = "*",
                RecordingStatusCallback = "/twilio/voicemail/recording",
            })
            .Hangup(),
        ["enqueue-named-queue"] = () => new VoiceResponse()
            .Enqueue(new Enqueue("挂号咨询")
            {
                Action = "/twilio/queue/left",
                Method = CallbackMethod.Post,
                WaitUrl = "/twilio/queue/wait?lang=zh-CN",
                WaitUrlMethod = CallbackMethod.Get,
                MaxQueueSize = 50,
            }),
        ["enqueue-task"] = () => new VoiceResponse()
            .Enqueue(new Enqueue { WorkflowSid = "WW0123456789abcdef0123456789abcdef" }
                .Task("""{"language":"zh-CN","reason":"预约 & 咨询","vip":true}""", priority: 10)),
        ["leave-hangup-reject"] = () => new VoiceResponse()
            .Leave()
            .Hangup()
            .Reject(RejectReason.Busy)
            .Reject()
            .Reject(RejectReason.Rejected),
        ["dial-nouns"] = () => new VoiceResponse()
            .Dial(new Dial
            {
                Action = "/twilio/dial/done",
                Method = CallbackMethod.Post,
                CallerId = "+861065529988",
                Timeout = 20,
                Record = DialRecord.RecordFromAnswerDual,
                AnswerOnBridge = true,
                TimeLimit = 3600,
            }
                .Number("+8613800138000", sendDigits: "ww12", url: "/twilio/whisper", statusCallback: "/twilio/dial/status")
                .Client("agent-张三")
                .Sip("sip:agent@pbx.example.com;transport=tls", username: "hub", password: "p&ss<word>")),
        ["dial-whisper-urls"] = () => new VoiceResponse()
            .Dial(new Dial { Action = "/twilio/voice/desk/dial-ended?offer=1&leg=1", AnswerOnBridge = true, Timeout = 20 }
                .Client("agent1", url: "/twilio/voice/desk/whisper?offer=1&leg=1")
                .Number("+8613900139000", url: "/twilio/voice/desk/whisper?offer=1&leg=1")
                .Sip("sip:agent1@pbx.example.com", url: "/twilio/voice/desk/whisper?offer=1&leg=1")),
        ["dial-queue-and-conference"] = () => new VoiceResponse()
            .Dial(new Dial().Queue("support", url: "/twilio/queue/whisper", method: CallbackMethod.Post))
            .Dial(new Dial { AnswerOnBridge = false }.Conference(
                "room-会诊-1",
                startConferenceOnEnter: true,
                endConferenceOnExit: false,
                waitUrl: "",
                beep: false,
                muted: true,
                statusCallback: "/twilio/conference/status")),
        ["dial-plain-number"] = () => new VoiceResponse().Dial(new Dial("+8613800138000") { Timeout = 15 }),
        ["redirect-get"] = () => new VoiceResponse().Redirect("https://hub.example.com/twilio/voice?x=1&y=2", CallbackMethod.Get),
        ["message-reply"] = () => new MessagingResponse()
            .Message(
                "您的预约已确认 ✅ 2026-11-24 09:30，回复 STOP 退订。",
                to: "+8613800138000",
                from: "+861065529988",
                action: "/twilio/sms/done",
                method: CallbackMethod.Post,
                statusCallback: "/twilio/sms/status")
            .Message(SpecialText),
        ["message-empty-and-redirect"] = () => new MessagingResponse().Redirect("/twilio/sms/next", CallbackMethod.Post),
    };
}
