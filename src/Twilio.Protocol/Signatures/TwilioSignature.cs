using System.Security.Cryptography;
using System.Text;

namespace Twilio.Protocol.Signatures;

/// <summary>
/// Twilio's request signature (the X-Twilio-Signature header): HMAC-SHA1 keyed with the auth token over the URL
/// followed by every POST parameter as name then value, sorted by name (then value) in ordinal order, base64.
/// Used to check webhooks and, by the carrier simulator, to sign them exactly as Twilio does.
/// </summary>
public static class TwilioSignature
{
    /// <summary>The HTTP header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The query parameter Twilio adds to a JSON webhook's URL: the SHA-256 of the raw body.</summary>
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>
    /// The signature of a request to <paramref name="url"/> (exactly as requested: scheme, host, port if any, path,
    /// query) with form <paramref name="parameters"/>. A repeated name is a list: each distinct value counts once,
    /// values sorted, as Twilio's Node library does.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's protocol defines the signature as HMAC-SHA1; there is no choice.")]
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);

        // Ordinal (UTF-16 code unit) order is what JavaScript's sort() uses; a culture-aware sort breaks signatures.
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters
                     .Select(p => (p.Key, Value: p.Value ?? string.Empty))
                     .Distinct()
                     .OrderBy(p => p.Key, StringComparer.Ordinal)
                     .ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>The lowercase hex SHA-256 of a raw request body, as sent in <see cref="BodyHashParameter"/>.</summary>
    public static string ComputeBodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Signs a form webhook: the header value to send with a POST of <paramref name="parameters"/> to <paramref name="url"/>.</summary>
    public static string SignForm(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Compute(authToken, url, parameters);

    /// <summary>
    /// Signs a JSON webhook as Twilio does: adds <c>bodySHA256</c> to the URL's query string and signs that URL
    /// alone. Returns the URL to request and the header value.
    /// </summary>
    public static (string Url, string Signature) SignJson(string authToken, string url, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = fragment < 0 ? url : url[..fragment];
        var separator = beforeFragment.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var signedUrl = beforeFragment + separator + BodyHashParameter + "=" + ComputeBodyHash(body) + (fragment < 0 ? "" : url[fragment..]);
        return (signedUrl, Compute(authToken, signedUrl, []));
    }
}
