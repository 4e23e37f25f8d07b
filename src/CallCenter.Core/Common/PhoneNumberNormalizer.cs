using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CallCenter.Core.Common;

/// <summary>Turns a phone number typed in any common format into E.164 (+8613812345678).</summary>
public sealed class PhoneNumberNormalizer(IOptions<PhoneOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly string _defaultRegion = options.Value.DefaultRegion.ToUpperInvariant();

    public string DefaultRegion => _defaultRegion;

    /// <summary>Normalises, or returns false with the reason the number is not usable.</summary>
    public bool TryNormalize(string? input, out string e164, out string reason)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            reason = "is empty";
            return false;
        }

        if (input.Length > 40)
        {
            reason = "is too long to be a phone number";
            return false;
        }

        try
        {
            var number = Util.Parse(input, _defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                reason = $"is not a valid phone number (default region {_defaultRegion})";
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            reason = string.Empty;
            return true;
        }
        catch (NumberParseException)
        {
            reason = $"is not a phone number (default region {_defaultRegion})";
            return false;
        }
    }
}
