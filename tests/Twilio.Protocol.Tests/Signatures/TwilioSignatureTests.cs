using Twilio.Protocol.Signatures;

namespace Twilio.Protocol.Tests.Signatures;

public sealed class TwilioSignatureTests
{
    private static readonly KeyValuePair<string, string>[] KnownVectorParameters =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+14158675309"), new("Digits", "1234"),
        new("From", "+14158675309"), new("To", "+18005551212"),
    ];

    [Fact]
    public void Compute_KnownVector_MatchesTwilioDocumentation()
    {
        var signature = TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", KnownVectorParameters);

        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", signature);
    }

    [Fact]
    public void IsValid_KnownVectorInAnyParameterOrder_Accepts()
    {
        var validator = new TwilioRequestValidator("12345");

        Assert.True(validator.IsValid("https://mycompany.com/myapp.php?foo=1&bar=2", KnownVectorParameters.Reverse(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.True(validator.IsValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", KnownVectorParameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    [InlineData("rsoydt4t1cutdk1pdd93/vvr8b8=")]
    public void IsValid_MissingOrWrongSignature_Rejects(string? signature)
    {
        var validator = new TwilioRequestValidator("12345");

        Assert.False(validator.IsValid("https://mycompany.com/myapp.php?foo=1&bar=2", KnownVectorParameters, signature));
    }

    [Fact]
    public void Compute_RepeatedKeyInAnyOrder_SameSignature()
    {
        KeyValuePair<string, string>[] first = [new("E", "b"), new("E", "a"), new("X", "1")];
        KeyValuePair<string, string>[] second = [new("X", "1"), new("E", "a"), new("E", "b")];

        Assert.Equal(TwilioSignature.Compute("t", "https://h/x", first), TwilioSignature.Compute("t", "https://h/x", second));
    }

    [Fact]
    public void IsValidWithBody_NoBodyHashInUrl_Rejects()
    {
        var validator = new TwilioRequestValidator("t");
        var signature = TwilioSignature.Compute("t", "https://h/x", []);

        Assert.False(validator.IsValidWithBody("https://h/x", "{}"u8, signature));
    }

    [Fact]
    public void SignJson_UrlWithFragment_PutsHashBeforeFragment()
    {
        var (url, _) = TwilioSignature.SignJson("t", "https://h/x?a=1#top", "{}"u8);

        Assert.Equal("https://h/x?a=1&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a#top", url);
    }
}
