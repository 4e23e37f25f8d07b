using System.Globalization;
using Twilio.Protocol.TwiML;

namespace Twilio.Protocol.Rest;

/// <summary>Builds a REST request's form fields (lists as repeated names, as Twilio expects); nulls are left out.</summary>
internal sealed class RestForm(Func<string, string, string> resolveUrl)
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public RestForm Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    public RestForm Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public RestForm Add(string name, CallbackMethod? method) => Add(name, method switch
    {
        null => null,
        CallbackMethod.Get => "GET",
        _ => "POST",
    });

    /// <summary>A callback URL: a relative one is resolved against the hub's public base URL.</summary>
    public RestForm Url(string name, string? url) => Add(name, url is null ? null : resolveUrl(url, name));

    public RestForm AddEach(string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }
}
