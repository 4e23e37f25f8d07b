using System.Text;
using Twilio.Protocol.Signatures;

namespace Twilio.Protocol.Tests.Signatures;

/// <summary>Signatures from Twilio's official library (twilio@6.2.0) validate in ours, and ours in theirs.</summary>
public sealed class SignatureReferenceTests(SignatureReferenceTests.OfficialResults official) : IClassFixture<SignatureReferenceTests.OfficialResults>
{
    private const string Token = FormCase.Token;
    private readonly TwilioRequestValidator _validator = new(Token);

    public static TheoryData<FormCase> Cases => new(SignatureCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsValid_SignedByOfficialLibrary_Accepts(FormCase form)
    {
        var signature = (await official.ForAsync(form)).OfficialSignature;

        Assert.True(_validator.IsValid(form.Url, form.Parameters, signature));
        Assert.Equal(signature, TwilioSignature.Compute(Token, form.Url, form.Parameters));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsValid_TamperedAfterOfficialSignature_Rejects(FormCase form)
    {
        var signature = (await official.ForAsync(form)).OfficialSignature;
        var tamperedParameters = form.Parameters.Append(new("Digits", "9")).ToList();

        Assert.False(_validator.IsValid(form.Url, tamperedParameters, signature));
        Assert.False(_validator.IsValid(form.Url.Replace("hub.", "evil.", StringComparison.Ordinal).Replace("mycompany", "evil", StringComparison.Ordinal), form.Parameters, signature));
        Assert.False(_validator.IsValid(form.Url, form.Parameters, Flip(signature)));
        Assert.False(new TwilioRequestValidator("another-token").IsValid(form.Url, form.Parameters, signature));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SignForm_ValidatedByOfficialLibrary_Accepts(FormCase form)
    {
        var (_, oursValid, flippedValid) = await official.ForAsync(form);

        Assert.True(oursValid);
        Assert.False(flippedValid);
    }

    [Theory]
    [InlineData("https://hub.example.com:443/twilio/voice", "https://hub.example.com/twilio/voice")]
    [InlineData("https://hub.example.com/twilio/voice", "https://hub.example.com:443/twilio/voice")]
    [InlineData("http://hub.example.com:80/twilio/voice?a=1", "http://hub.example.com/twilio/voice?a=1")]
    [InlineData("http://hub.example.com/twilio/voice?a=1", "http://hub.example.com:80/twilio/voice?a=1")]
    [InlineData("https://hub.example.com/twilio/voice", "https://hub.example.com:8443/twilio/voice")]
    public async Task IsValid_OfficialSignatureWithOtherPortForm_Accepts(string signedUrl, string receivedUrl)
    {
        var parameters = SignatureCases.All[1].Parameters;
        var (signature, _) = await SignatureReference.SignFormAsync(Token, signedUrl, parameters);

        Assert.True(_validator.IsValid(receivedUrl, parameters, signature));
        Assert.True(await SignatureReference.ValidateFormAsync(Token, receivedUrl, parameters, signature));
    }

    [Fact]
    public async Task IsValid_OfficialSignatureForOtherNonDefaultPort_Rejects()
    {
        var parameters = SignatureCases.All[1].Parameters;
        var (signature, _) = await SignatureReference.SignFormAsync(Token, "https://hub.example.com:8443/twilio/voice", parameters);

        Assert.False(_validator.IsValid("https://hub.example.com:9443/twilio/voice", parameters, signature));
        Assert.False(_validator.IsValid("https://hub.example.com:443/twilio/voice", parameters, signature));
    }

    [Theory]
    [InlineData("https://hub.example.com/twilio/events", """{"CallSid":"CA1","CallStatus":"completed"}""")]
    [InlineData("https://hub.example.com:443/twilio/events?source=studio", """{"Body":"您好，我想预约 👍","Plus":"+86 10"}""")]
    [InlineData("https://hub.example.com/twilio/events", "")]
    public async Task IsValidWithBody_JsonSignedByOfficialLibrary_AcceptsAndRejectsTampering(string url, string body)
    {
        var (signedUrl, bodyHash, signature, officialValid) = await SignatureReference.SignJsonAsync(Token, url, body);
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.True(officialValid);
        Assert.Equal(bodyHash, TwilioSignature.ComputeBodyHash(bytes));
        Assert.True(_validator.IsValidWithBody(signedUrl, bytes, signature));
        Assert.False(_validator.IsValidWithBody(signedUrl, Encoding.UTF8.GetBytes(body + " "), signature));
        Assert.False(_validator.IsValidWithBody(signedUrl, bytes, Flip(signature)));
        Assert.False(_validator.IsValidWithBody(url, bytes, signature));
    }

    [Theory]
    [InlineData("https://hub.example.com/twilio/events")]
    [InlineData("https://hub.example.com/twilio/events?source=studio&lang=zh-CN")]
    public async Task SignJson_ValidatedByOfficialLibrary_Accepts(string url)
    {
        const string body = """{"MessageSid":"SM1","Body":"收到，谢谢"}""";

        var (signedUrl, signature) = TwilioSignature.SignJson(Token, url, Encoding.UTF8.GetBytes(body));

        Assert.True(await SignatureReference.ValidateJsonAsync(Token, signedUrl, body, signature));
        Assert.False(await SignatureReference.ValidateJsonAsync(Token, signedUrl, body + "x", signature));
    }

    /// <summary>One node run for all the form cases of the class.</summary>
    public sealed class OfficialResults
    {
        private readonly Lazy<Task<IReadOnlyDictionary<string, (string OfficialSignature, bool OursValid, bool FlippedValid)>>> _results =
            new(() => SignatureReference.RunAllAsync(SignatureCases.All, f => TwilioSignature.SignForm(Token, f.Url, f.Parameters), Flip));

        public async Task<(string OfficialSignature, bool OursValid, bool FlippedValid)> ForAsync(FormCase form) => (await _results.Value)[form.Name];
    }

    // Changes one base64 character, keeping the length, so only the comparison can tell.
    private static string Flip(string signature) =>
        (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
}
