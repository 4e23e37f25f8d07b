namespace Twilio.Protocol.Rest;

/// <summary>
/// Twilio settings (configuration section <c>Twilio</c>). A class, not a record, so that printing it never shows
/// the token or the key secret.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary>The account (AC + 32 hex digits); in every REST path.</summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>Signs webhooks; authenticates REST calls unless an API key is set. Secret: never logged.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Optional API key (SK + 32 hex digits) used for REST calls instead of the auth token.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The API key's secret. Secret: never logged.</summary>
    public string? ApiKeySecret { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>
    /// The hub's public base URL as Twilio reaches it (behind a proxy: the outside address). Webhook signatures are
    /// checked against it, and relative callback URLs in REST requests are resolved against it.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Attempts per REST request, the first included, for throttling (429/20429) and server errors (5xx).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one REST request may take before it is given up (the HttpClient's timeout, each attempt on its own).
    /// A request that times out is a carrier failure, handled as an error answer is (see <see cref="CarrierFailure"/>):
    /// an agent waiting on a call redirect is freed and the caller put back in line. Between 1 second and 5 minutes.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal bool UsesApiKey => !string.IsNullOrEmpty(ApiKeySid);
}
