using System.Globalization;

namespace Twilio.Protocol.Webhooks;

/// <summary>Reads typed fields and collects an error per field instead of throwing.</summary>
internal sealed class FormReader(TwilioForm form)
{
    private readonly List<WebhookFieldError> _errors = [];

    public IReadOnlyList<WebhookFieldError> Errors => _errors;

    /// <summary>A field Twilio always sends: missing or blank is an error (the value returned then is unused).</summary>
    public string Required(string name)
    {
        var value = form[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new(name, "is required"));
            return string.Empty;
        }

        return value;
    }

    /// <summary>A field Twilio may omit: missing is null.</summary>
    public string? Optional(string name) => form[name];

    public int? Int(string name, int min = 0, int max = int.MaxValue)
    {
        var value = form[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            _errors.Add(new(name, "is not a whole number"));
            return null;
        }

        if (number < min || number > max)
        {
            _errors.Add(new(name, $"must be between {min} and {max}"));
            return null;
        }

        return number;
    }

    public int RequiredInt(string name, int min = 0, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(form[name]))
        {
            _errors.Add(new(name, "is required"));
            return 0;
        }

        return Int(name, min, max) ?? 0;
    }

    public double? Fraction(string name)
    {
        var value = form[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number))
        {
            _errors.Add(new(name, "is not a number"));
            return null;
        }

        if (number is < 0 or > 1)
        {
            _errors.Add(new(name, "must be between 0 and 1"));
            return null;
        }

        return number;
    }

    /// <summary>Twilio's RFC 1123 time, e.g. <c>Mon, 23 Nov 2026 09:18:00 +0000</c>.</summary>
    public DateTimeOffset? Time(string name)
    {
        var value = form[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            _errors.Add(new(name, "is not a date and time"));
            return null;
        }

        return time.ToUniversalTime();
    }

    public TEnum? Enum<TEnum>(string name, WireNames<TEnum> names)
        where TEnum : struct, Enum
    {
        var value = form[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!names.TryParse(value, out var parsed))
        {
            _errors.Add(new(name, "is not one of " + names.List));
            return null;
        }

        return parsed;
    }

    public TEnum RequiredEnum<TEnum>(string name, WireNames<TEnum> names)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(form[name]))
        {
            _errors.Add(new(name, "is required"));
            return default;
        }

        return Enum(name, names) ?? default;
    }
}
