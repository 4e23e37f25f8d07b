using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Signatures;

namespace Twilio.Protocol.Rest;

/// <summary>
/// Twilio's 2010-04-01 REST API over HTTP: calls and messages. Throttling (429/20429) and server errors (5xx) are
/// retried with exponential backoff up to <see cref="TwilioOptions.MaxAttempts"/>; every other error, and
/// opted-out (21610) or invalid (21211) recipients in particular, is thrown at once as a
/// <see cref="TwilioApiException"/>. Network failures are not retried: a create that reached Twilio may have been
/// carried out, and a second call to a patient is worse than a reported failure.
/// </summary>
public sealed partial class TwilioRestClient(
    HttpClient http,
    IOptions<TwilioOptions> options,
    TwilioRetryDelay delay,
    ILogger<TwilioRestClient> logger)
{
    private readonly TwilioOptions _options = options.Value;

    public async Task<CallResource> CreateCallAsync(CreateCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = await SendAsync(AccountPath("Calls.json"), request.ToForm(ResolveUrl), cancellationToken);
        return CallResource.Read(json);
    }

    public async Task<CallResource> UpdateCallAsync(string callSid, UpdateCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        ArgumentNullException.ThrowIfNull(request);
        var json = await SendAsync(AccountPath("Calls/" + Uri.EscapeDataString(callSid) + ".json"), request.ToForm(ResolveUrl), cancellationToken);
        return CallResource.Read(json);
    }

    public async Task<MessageResource> CreateMessageAsync(CreateMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = await SendAsync(AccountPath("Messages.json"), request.ToForm(ResolveUrl), cancellationToken);
        return MessageResource.Read(json);
    }

    /// <summary>
    /// Twilio's Messages list, newest first, filtered by recipient, sender and "sent on or after" (to the second),
    /// following <c>next_page_uri</c> to the end. A message still queued has no date sent, so a date filter leaves it out.
    /// Used to find out whether a send whose outcome is unknown reached the carrier.
    /// </summary>
    public async Task<IReadOnlyList<MessageResource>> ListMessagesAsync(
        string? to, DateTimeOffset? dateSentAfter, string? from = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var query = new List<KeyValuePair<string, string>>();
        if (to is not null)
        {
            query.Add(new("To", to));
        }

        if (from is not null)
        {
            query.Add(new("From", from));
        }

        if (dateSentAfter is { } after)
        {
            query.Add(new("DateSent>", after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        }

        query.Add(new("PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var messages = new List<MessageResource>();
        string? next = AccountPath("Messages.json") + "?" + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        while (next is not null)
        {
            var page = await SendAsync(HttpMethod.Get, next, null, cancellationToken);
            if (page.TryGetProperty("messages", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(items.EnumerateArray().Select(MessageResource.Read));
            }

            next = Json.String(page, "next_page_uri");
        }

        return messages;
    }

    /// <summary>One POST, no checks and no retry: the wire as it is (tests send deliberately broken requests with it).</summary>
    internal Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> PostOnceAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendOnceAsync(HttpMethod.Post, path, fields, cancellationToken);

    private async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> SendOnceAsync(
        HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? fields, CancellationToken cancellationToken)
    {
        // Joined as text: an API base with a path (the simulator's {hub}/simulator) keeps it, where new Uri(base, "/x") would drop it.
        using var request = new HttpRequestMessage(method, new Uri(_options.ApiBaseUrl.TrimEnd('/') + path))
        {
            Content = fields is null ? null : new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = Authorization();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, body, response.Headers.RetryAfter?.Delta);
    }

    internal string AccountPath(string resource) =>
        "/2010-04-01/Accounts/" + Uri.EscapeDataString(_options.AccountSid) + "/" + resource;

    private Task<JsonElement> SendAsync(string path, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, fields, cancellationToken);

    private async Task<JsonElement> SendAsync(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? fields, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, body, retryAfter) = await SendOnceAsync(method, path, fields, cancellationToken);
            if ((int)status is >= 200 and < 300)
            {
                return ParseJson(body);
            }

            var error = ReadError((int)status, body);
            if (!error.IsTransient || attempt >= _options.MaxAttempts)
            {
                LogFailed(logger, method.Method, LogPath(path), (int)status, error.Code, attempt);
                throw error;
            }

            var wait = Backoff(attempt, retryAfter);
            LogRetrying(logger, method.Method, LogPath(path), (int)status, error.Code, attempt, wait.TotalMilliseconds);
            await delay(wait, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        var wait = retryAfter is { } after && after > exponential ? after : exponential;
        return wait > _options.RetryMaxDelay ? _options.RetryMaxDelay : wait;
    }

    private AuthenticationHeaderValue Authorization()
    {
        var (user, secret) = _options.UsesApiKey
            ? (_options.ApiKeySid!, _options.ApiKeySecret ?? string.Empty)
            : (_options.AccountSid, _options.AuthToken);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));
    }

    private string ResolveUrl(string url, string field)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return url;
        }

        if (_options.PublicBaseUrl is null || url.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{field} must be an absolute http(s) URL, or relative with Twilio:PublicBaseUrl set.", field);
        }

        // Joined as text, not through Uri, so the URL Twilio calls back is exactly the one its signature check rebuilds.
        return WebhookUrl.Combine(_options.PublicBaseUrl, url);
    }

    private static JsonElement ParseJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new TwilioApiException("Twilio answered success with a body that is not JSON.", ex);
        }
    }

    private static TwilioApiException ReadError(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = Json.Int(root, "code");
            return TwilioApiException.Create(status, code, Json.String(root, "message"), Json.String(root, "more_info"));
        }
        catch (JsonException)
        {
            return TwilioApiException.Create(status, null, null, null);
        }
    }

    /// <summary>The path without its query string, where a list's filters carry phone numbers.</summary>
    private static string LogPath(string path) => path.Split('?', 2)[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio {Method} {Path} answered {Status} (code {Code}) on attempt {Attempt}; retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string method, string path, int status, int? code, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio {Method} {Path} failed with {Status} (code {Code}) after {Attempt} attempt(s)")]
    private static partial void LogFailed(ILogger logger, string method, string path, int status, int? code, int attempt);
}
