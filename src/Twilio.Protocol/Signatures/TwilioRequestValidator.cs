using System.Security.Cryptography;
using System.Text;

namespace Twilio.Protocol.Signatures;

/// <summary>
/// Checks that a webhook came from Twilio. The URL must be the public one Twilio requested (behind a proxy,
/// build it from the configured public base URL, not from the request's Host header).
/// </summary>
public sealed class TwilioRequestValidator
{
    private readonly string _authToken;

    public TwilioRequestValidator(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        _authToken = authToken;
    }

    /// <summary>Checks a form-encoded webhook (every POST parameter, repeated names included).</summary>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> formParameters, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formParameters);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var parameters = formParameters.ToList();
        var valid = false;
        foreach (var candidate in UrlPorts.Candidates(url))
        {
            // No early exit: the work done does not depend on which variant matched.
            valid |= SameSignature(TwilioSignature.Compute(_authToken, candidate, parameters), signature);
        }

        return valid;
    }

    /// <summary>
    /// Checks a JSON webhook: the URL (carrying <c>bodySHA256</c>) is signed alone, and the raw body must hash to
    /// that <c>bodySHA256</c>.
    /// </summary>
    public bool IsValidWithBody(string url, ReadOnlySpan<byte> rawBody, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        var urlValid = IsValid(url, [], signature);
        var expectedHash = QueryValue(url, TwilioSignature.BodyHashParameter);
        var bodyValid = expectedHash is not null && SameText(TwilioSignature.ComputeBodyHash(rawBody), expectedHash);
        return urlValid & bodyValid;
    }

    private static bool SameSignature(string expected, string actual) => SameText(expected, actual);

    private static bool SameText(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static string? QueryValue(string url, string name)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', queryStart);
        var query = fragment < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragment];
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
