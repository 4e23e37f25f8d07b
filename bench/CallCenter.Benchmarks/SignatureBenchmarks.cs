using BenchmarkDotNet.Attributes;
using Twilio.Protocol.Signatures;

namespace CallCenter.Benchmarks;

/// <summary>Checking X-Twilio-Signature, which the hub does before any handler runs.</summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private readonly TwilioRequestValidator _validator = new(WebhookForms.AuthToken);

    /// <summary>The hub builds a validator per request (TwilioSignatureFilter), so this is included.</summary>
    [Benchmark(Baseline = true)]
    public bool ValidateVoiceWebhook_NewValidator() =>
        new TwilioRequestValidator(WebhookForms.AuthToken).IsValid(WebhookForms.Url, WebhookForms.Voice, WebhookForms.VoiceSignature);

    [Benchmark]
    public bool ValidateVoiceWebhook_SharedValidator() =>
        _validator.IsValid(WebhookForms.Url, WebhookForms.Voice, WebhookForms.VoiceSignature);

    /// <summary>A forged signature must cost about the same (constant-time compare, every port variant tried).</summary>
    [Benchmark]
    public bool RejectForgedSignature() =>
        _validator.IsValid(WebhookForms.Url, WebhookForms.Voice, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
}
