using System.Globalization;

namespace Twilio.Protocol.Webhooks;

/// <summary>Writes a payload back to form fields as Twilio sends them (for the carrier simulator); nulls are left out.</summary>
internal sealed class FormWriter
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public FormWriter Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    public FormWriter Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public FormWriter Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    public FormWriter Add(string name, DateTimeOffset? value) =>
        Add(name, value?.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));

    public FormWriter Add<TEnum>(string name, TEnum? value, WireNames<TEnum> names)
        where TEnum : struct, Enum =>
        Add(name, value is { } v ? names.ToWire(v) : null);
}
