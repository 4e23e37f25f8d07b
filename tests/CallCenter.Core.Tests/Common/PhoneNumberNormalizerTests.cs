using CallCenter.Core.Common;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Tests.Common;

public sealed class PhoneNumberNormalizerTests
{
    private static PhoneNumberNormalizer Normalizer(string region = "CN") =>
        new(Options.Create(new PhoneOptions { DefaultRegion = region }));

    [Theory]
    [InlineData("138 1234 5678")]
    [InlineData("13812345678")]
    [InlineData("+86 138-1234-5678")]
    [InlineData("008613812345678")]
    [InlineData("+8613812345678")]
    public void TryNormalize_ChinaMobileInCommonFormats_ReturnsE164(string input)
    {
        var ok = Normalizer().TryNormalize(input, out var e164, out var reason);

        Assert.True(ok, reason);
        Assert.Equal("+8613812345678", e164);
        Assert.Empty(reason);
    }

    [Fact]
    public void TryNormalize_UsNumberWithRegionUs_ReturnsE164()
    {
        var ok = Normalizer("us").TryNormalize("(415) 555-2671", out var e164, out var reason);

        Assert.True(ok, reason);
        Assert.Equal("+14155552671", e164);
    }

    [Fact]
    public void TryNormalize_UsNumberWithCountryCodeAndDefaultRegionCn_ReturnsUsE164()
    {
        var ok = Normalizer().TryNormalize("+1 (415) 555-2671", out var e164, out var reason);

        Assert.True(ok, reason);
        Assert.Equal("+14155552671", e164);
    }

    [Fact]
    public void TryNormalize_UsNumberWithoutCountryCodeAndDefaultRegionCn_IsNotReadAsUs()
    {
        // Without +1 the digits are read as a Chinese number: the default region matters.
        Normalizer().TryNormalize("(415) 555-2671", out var e164, out _);

        Assert.NotEqual("+14155552671", e164);
    }

    [Theory]
    [InlineData("not a number")]
    [InlineData("12")]
    [InlineData("+86 000 0000 0000")]
    public void TryNormalize_Garbage_ReturnsFalseWithReason(string input)
    {
        var ok = Normalizer().TryNormalize(input, out var e164, out var reason);

        Assert.False(ok);
        Assert.Empty(e164);
        Assert.Contains("phone number", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryNormalize_Empty_SaysEmpty(string? input)
    {
        Assert.False(Normalizer().TryNormalize(input, out _, out var reason));
        Assert.Equal("is empty", reason);
    }

    [Fact]
    public void TryNormalize_TooLong_SaysTooLong()
    {
        var ok = Normalizer().TryNormalize(new string('1', 41), out var e164, out var reason);

        Assert.False(ok);
        Assert.Empty(e164);
        Assert.Contains("too long", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRegion_GivenLowerCase_IsUpperCase()
    {
        Assert.Equal("US", Normalizer("us").DefaultRegion);
    }
}
