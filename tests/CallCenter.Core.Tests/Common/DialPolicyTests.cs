using CallCenter.Core.Common;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CallCenter.Core.Tests.Common;

/// <summary>Issue 15 point 10: the hub calls out only to the regions it serves, never to premium-rate ranges.</summary>
public sealed class DialPolicyTests
{
    private static DialPolicy Policy(string[]? regions = null, string[]? blocked = null) =>
        new(Options.Create(new PhoneOptions { DefaultRegion = "CN", DialRegions = regions ?? [], DialBlockedPrefixes = blocked ?? [] }));

    /// <summary>A number of a kind in a region, from libphonenumber's own metadata (the ranges the policy checks).</summary>
    private static string Example(string region, PhoneNumberType type) =>
        PhoneNumberUtil.GetInstance().Format(PhoneNumberUtil.GetInstance().GetExampleNumberForType(region, type), PhoneNumberFormat.E164);

    [Theory]
    [InlineData("+8613812345678")]
    [InlineData("+861058887777")]
    public void Allows_NumbersOfTheDefaultRegion(string number)
    {
        Assert.True(Policy().Allows(number, out var reason), reason);
        Assert.Empty(reason);
    }

    [Theory]
    [InlineData("+14155552671")]
    [InlineData("+447911123456")]
    [InlineData("+88216123456")]
    public void Refuses_OtherRegionsByDefault_NamingTheSetting(string number)
    {
        Assert.False(Policy().Allows(number, out var reason));
        Assert.Contains("Phone:DialRegions", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_ARegionAddedInTheSettings()
    {
        Assert.True(Policy(regions: ["cn", "US"]).Allows("+14155552671", out var reason), reason);
    }

    [Theory]
    [InlineData("US", PhoneNumberType.PREMIUM_RATE)]
    [InlineData("GB", PhoneNumberType.PREMIUM_RATE)]
    public void Refuses_PremiumRanges_EvenInAnAllowedRegion(string region, PhoneNumberType type)
    {
        var number = Example(region, type);

        Assert.False(Policy(regions: ["CN", region]).Allows(number, out var reason), number);
        Assert.Contains("premium-rate", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_SharedCostRanges_EvenInAnAllowedRegion()
    {
        var region = PhoneNumberUtil.GetInstance().GetSupportedRegions().Order(StringComparer.Ordinal)
            .First(r => PhoneNumberUtil.GetInstance().GetExampleNumberForType(r, PhoneNumberType.SHARED_COST) is not null);
        var number = Example(region, PhoneNumberType.SHARED_COST);

        Assert.False(Policy(regions: ["CN", region]).Allows(number, out var reason), number);
        Assert.Contains("shared-cost", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_APrefixTheHospitalBlocked()
    {
        Assert.False(Policy(blocked: ["+86138"]).Allows("+8613812345678", out var reason));
        Assert.Contains("+86138", reason, StringComparison.Ordinal);
        Assert.True(Policy(blocked: ["+86138"]).Allows("+8613912345678", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a number")]
    public void Refuses_Garbage(string? number)
    {
        Assert.False(Policy().Allows(number, out var reason));
        Assert.NotEmpty(reason);
    }
}
