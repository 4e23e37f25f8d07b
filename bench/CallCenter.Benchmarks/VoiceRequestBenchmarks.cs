using BenchmarkDotNet.Attributes;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Benchmarks;

/// <summary>Turning the posted form into a typed <see cref="VoiceRequest"/>.</summary>
[MemoryDiagnoser]
public class VoiceRequestBenchmarks
{
    private readonly TwilioForm _form = TwilioForm.From(WebhookForms.Voice);

    /// <summary>Parse alone, from a form already built.</summary>
    [Benchmark(Baseline = true)]
    public VoiceRequest? Parse() => VoiceRequest.Parse(_form).Value;

    /// <summary>What the endpoint does per request: build the form from the pairs, then parse.</summary>
    [Benchmark]
    public VoiceRequest? BuildFormAndParse() => VoiceRequest.Parse(TwilioForm.From(WebhookForms.Voice)).Value;
}
