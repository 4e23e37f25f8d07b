using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CallCenter.Core.Common;

/// <summary>
/// Toll fraud guard: the numbers the hub may call out to (a transfer, a callback, an agent's phone). Only regions the
/// hospital serves (<see cref="PhoneOptions.DialRegions"/>), never a premium-rate or shared-cost range, never a prefix
/// the hospital blocked. Anyone who can make the hub dial a number they chose (a forged caller ID asking for a callback,
/// a misused agent account) could otherwise run up the hospital's bill on a number that pays them.
/// </summary>
public sealed class DialPolicy
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly HashSet<string> _regions;
    private readonly string[] _blocked;

    public DialPolicy(IOptions<PhoneOptions> options)
    {
        var phone = options.Value;
        _regions = new HashSet<string>(
            phone.DialRegions is { Length: > 0 } regions ? regions.Select(r => r.Trim().ToUpperInvariant()) : [phone.DefaultRegion.ToUpperInvariant()],
            StringComparer.Ordinal);
        _blocked = [.. phone.DialBlockedPrefixes.Select(p => p.Trim()).Where(p => p.Length > 0)];
    }

    /// <summary>The regions dialled, for messages and docs.</summary>
    public string Regions => string.Join(", ", _regions.Order(StringComparer.Ordinal));

    /// <summary>True when <paramref name="e164"/> may be dialled; otherwise false and why, phrased to follow the field name.</summary>
    public bool Allows(string? e164, out string reason)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(e164, "ZZ");
        }
        catch (NumberParseException)
        {
            reason = "is not a phone number in E.164 form";
            return false;
        }

        if (Util.GetNumberType(number) is PhoneNumberType.PREMIUM_RATE or PhoneNumberType.SHARED_COST)
        {
            reason = "is a premium-rate or shared-cost number, which the hub never dials";
            return false;
        }

        if (Util.GetRegionCodeForNumber(number) is not { } region || !_regions.Contains(region))
        {
            reason = $"is outside the regions the hub dials ({Regions}; setting Phone:DialRegions)";
            return false;
        }

        if (_blocked.FirstOrDefault(prefix => e164!.StartsWith(prefix, StringComparison.Ordinal)) is { } blocked)
        {
            reason = $"is in the blocked range {blocked} (setting Phone:DialBlockedPrefixes)";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
