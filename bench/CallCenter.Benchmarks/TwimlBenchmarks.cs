using BenchmarkDotNet.Attributes;
using Twilio.Protocol.TwiML;

namespace CallCenter.Benchmarks;

/// <summary>Rendering the answer the caller hears first: a bilingual greeting and a menu Gather.</summary>
[MemoryDiagnoser]
public class TwimlBenchmarks
{
    private const string ChineseGreeting = "您好，感谢致电医院患者服务中心。";
    private const string EnglishGreeting = "Hello, thank you for calling the hospital patient service centre.";
    private const string ChineseMenu = "预约请按1，查询检查结果请按2，转人工服务请按0。";
    private const string EnglishMenu = "For appointments press 1, for test results press 2, to speak to an agent press 0.";

    [Benchmark]
    public string BilingualGreetingAndGather() => new VoiceResponse()
        .Say(ChineseGreeting, voice: "alice", language: "zh-CN")
        .Say(EnglishGreeting, voice: "Polly.Joanna", language: "en-US")
        .Gather(new Gather
        {
            Input = GatherInput.Dtmf,
            NumDigits = 1,
            Timeout = 5,
            Action = "/twilio/ivr/menu?lang=zh-CN&step=1",
            Method = CallbackMethod.Post,
        }
            .Say(ChineseMenu, voice: "alice", language: "zh-CN")
            .Say(EnglishMenu, voice: "Polly.Joanna", language: "en-US"))
        .Redirect("/twilio/ivr/menu?lang=zh-CN&step=1&retry=1")
        .ToXml();
}
