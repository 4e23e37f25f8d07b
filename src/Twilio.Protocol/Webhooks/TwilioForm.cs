using Microsoft.Extensions.Primitives;

namespace Twilio.Protocol.Webhooks;

/// <summary>
/// The form fields of a webhook as Twilio posted them, repeated names kept. Build it from a dictionary, from
/// name/value pairs, or from an ASP.NET Core form (<c>IFormCollection</c> is a sequence of name and
/// <see cref="StringValues"/>).
/// </summary>
public sealed class TwilioForm
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    private TwilioForm(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        foreach (var (name, value) in pairs)
        {
            if (!_fields.TryGetValue(name, out var values))
            {
                _fields[name] = values = [];
            }

            values.Add(value ?? string.Empty);
        }
    }

    public static TwilioForm From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new TwilioForm(pairs);
    }

    public static TwilioForm From(IEnumerable<KeyValuePair<string, StringValues>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new TwilioForm(fields.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))));
    }

    /// <summary>The first value of <paramref name="name"/>, or null when Twilio did not send it.</summary>
    public string? this[string name] => _fields.TryGetValue(name, out var values) ? values[0] : null;

    public IReadOnlyList<string> All(string name) => _fields.TryGetValue(name, out var values) ? values : [];
}
