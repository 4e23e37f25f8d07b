namespace Twilio.Protocol.Signatures;

/// <summary>
/// The URL a signature is checked against. Behind a proxy or load balancer the request's own scheme, host and
/// port are not what Twilio requested, so the URL is rebuilt from the configured public base URL.
/// </summary>
public static class WebhookUrl
{
    /// <summary>
    /// Joins the public base URL (e.g. <c>https://hub.example.com/</c> or <c>https://example.com/hub</c>) and the
    /// request's path and raw query string (as received, still percent-encoded), with exactly one slash between.
    /// </summary>
    public static string Combine(string publicBaseUrl, string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return publicBaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
    }
}
