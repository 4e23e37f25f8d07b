using System.Globalization;
using System.Net.Mail;

namespace CallCenter.Core.Patients;

/// <summary>
/// Checks and normalises single patient fields. Each returns null when the value is acceptable (with the
/// value to store), else the reason, worded to follow the field name in a ProblemDetails.
/// </summary>
public static class PatientRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 320;
    public const int MaxMrnLength = 32;
    public const int MaxNotesLength = 4000;
    public const int MaxTagLength = 50;
    public const int MaxTags = 20;
    public const int MaxPhones = 10;
    public const int MaxTimeZoneLength = 64;
    public const int MaxLanguageLength = 10;

    /// <summary>An IANA id (a Windows id is accepted and stored as its IANA equivalent).</summary>
    public static string? TryTimeZone(string? input, out string ianaId)
    {
        ianaId = string.Empty;
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (value.Length > MaxTimeZoneLength || !TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone))
        {
            return "is not a known IANA time zone (e.g. Asia/Shanghai)";
        }

        if (zone.HasIanaId)
        {
            ianaId = zone.Id;
        }
        else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted))
        {
            ianaId = converted;
        }
        else
        {
            return "is not a known IANA time zone (e.g. Asia/Shanghai)";
        }

        return null;
    }

    /// <summary>A culture name the platform knows (zh-CN, en-US, en), stored in its canonical spelling.</summary>
    public static string? TryLanguage(string? input, out string cultureName)
    {
        cultureName = string.Empty;
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(value, predefinedOnly: true);
            if (culture.Name.Length == 0)
            {
                return "is not a known language (e.g. zh-CN, en-US)";
            }

            if (culture.Name.Length > MaxLanguageLength)
            {
                return $"must be at most {MaxLanguageLength} characters";
            }

            cultureName = culture.Name;
            return null;
        }
        catch (CultureNotFoundException)
        {
            return "is not a known language (e.g. zh-CN, en-US)";
        }
    }

    /// <summary>A plain address (no display name), trimmed.</summary>
    public static string? TryEmail(string input, out string email)
    {
        email = input.Trim();
        if (email.Length > MaxEmailLength)
        {
            return $"must be at most {MaxEmailLength} characters";
        }

        return MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal)
            ? null
            : "is not a valid email address";
    }

    /// <summary>A medical record number: trimmed, upper-case, no spaces.</summary>
    public static string? TryMrn(string input, out string mrn)
    {
        mrn = input.Trim().ToUpperInvariant();
        if (mrn.Length == 0)
        {
            return "must not be blank (omit it instead)";
        }

        if (mrn.Length > MaxMrnLength)
        {
            return $"must be at most {MaxMrnLength} characters";
        }

        return mrn.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "must not contain spaces" : null;
    }

    /// <summary>The lower-invariant form names are searched by; Chinese has no case and passes unchanged.</summary>
    public static string SearchName(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var lower = fullName.Trim().ToLowerInvariant();
        return lower.Length > MaxNameLength ? lower[..MaxNameLength] : lower;
    }
}
