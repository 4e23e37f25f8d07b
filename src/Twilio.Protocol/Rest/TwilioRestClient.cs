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
/// carried out, and a second call to a patient is worse than a reported failure. Each request may take
/// <see cref="TwilioOptions.RequestTimeout"/> (the HttpClient's timeout); one that takes longer ends in the
/// HttpClient's <see cref="TaskCanceledException"/>, which callers treat with <see cref="CarrierFailure.Is"/> as the
/// carrier failing, like an error answer or a refused connection.
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

    /// <summary>
    /// One attempt at placing a call, no retry: for a sender that keeps its own queue (the notification outbox), so a
    /// throttle (429, with <see cref="TwilioApiException.RetryAfter"/>) backs off the whole sender.
    /// </summary>
    public async Task<CallResource> CreateCallOnceAsync(CreateCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallResource.Read(await CreateOnceAsync("Calls.json", request.ToForm(ResolveUrl), cancellationToken));
    }

    /// <summary>
    /// The first page of Twilio's Calls list (<c>GET Calls.json</c>, newest first), filtered by <c>To</c>, <c>From</c>
    /// and <c>StartTime&gt;=</c>. Follow <see cref="CallPage.NextPageUri"/> with <see cref="ListCallsPageAsync"/>.
    /// A call still queued has no start time, so a start filter leaves it out: to find out whether a create reached
    /// the carrier, list by recipient and caller without one and compare <see cref="CallResource.DateCreated"/>.
    /// </summary>
    public async Task<CallPage> ListCallsAsync(CallListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RestChecks.That(filter.PageSize is >= 1 and <= 1000, nameof(filter.PageSize), "Twilio pages hold 1 to 1000 calls.");
        // As with DateSent: "StartTime>=" travels as the parameter named "StartTime>".
        var path = ListPath("Calls.json", ("To", filter.To), ("From", filter.From), ("StartTime>", Second(filter.StartedOnOrAfter)),
            ("PageSize", filter.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return CallPage.Read(await SendAsync(HttpMethod.Get, path, null, cancellationToken));
    }

    /// <summary>The next page of a Calls list, from the <c>next_page_uri</c> Twilio gave.</summary>
    public async Task<CallPage> ListCallsPageAsync(string nextPageUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nextPageUri);
        RestChecks.That(nextPageUri.StartsWith("/2010-04-01/Accounts/", StringComparison.Ordinal), nameof(nextPageUri), "A next page is a path of the 2010-04-01 API.");
        return CallPage.Read(await SendAsync(HttpMethod.Get, nextPageUri, null, cancellationToken));
    }

    /// <summary>
    /// One call as the carrier knows it now (<c>GET Calls/{Sid}.json</c>): its status and, with answering machine
    /// detection, <see cref="CallResource.AnsweredBy"/>. A call the carrier does not know is Twilio's 404 (20404), thrown
    /// as a <see cref="TwilioApiException"/> with <see cref="TwilioApiException.HttpStatus"/> 404.
    /// </summary>
    public async Task<CallResource> FetchCallAsync(string callSid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        return CallResource.Read(await SendAsync(HttpMethod.Get, AccountPath("Calls/" + Uri.EscapeDataString(callSid) + ".json"), null, cancellationToken));
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
    /// One attempt at creating a message, no retry: for a sender that keeps its own queue (the notification outbox),
    /// so a throttle (429, with <see cref="TwilioApiException.RetryAfter"/>) backs off the whole sender instead of
    /// holding one request open.
    /// </summary>
    public async Task<MessageResource> CreateMessageOnceAsync(CreateMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MessageResource.Read(await CreateOnceAsync("Messages.json", request.ToForm(ResolveUrl), cancellationToken));
    }

    // One POST to a list resource; a refusal is thrown as Twilio's error (with its Retry-After), never retried here.
    private async Task<JsonElement> CreateOnceAsync(string resource, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var path = AccountPath(resource);
        var (status, body, retryAfter) = await PostOnceAsync(path, form, cancellationToken);
        if ((int)status is >= 200 and < 300)
        {
            return ParseJson(body);
        }

        var error = ReadError((int)status, body, retryAfter);
        LogFailed(logger, HttpMethod.Post.Method, path, (int)status, error.Code, 1);
        throw error;
    }

    // A list resource's first page: its filters (empty ones left out) and the page size, in Twilio's encoding.
    private string ListPath(string resource, params (string Name, string? Value)[] filters) =>
        AccountPath(resource) + "?" + string.Join('&', filters
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value!)));

    private static string? Second(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The first page of Twilio's Messages list (<c>GET Messages.json</c>, newest first), filtered as Twilio allows:
    /// by <c>To</c>, <c>From</c> and <c>DateSent&gt;=</c> (sent on or after, to the second). Follow
    /// <see cref="MessagePage.NextPageUri"/> with <see cref="ListMessagesPageAsync"/>, as far as the caller needs.
    /// A message still queued has no date sent, so a date filter leaves it out: to find out whether a send reached
    /// the carrier, list by recipient and sender without one and compare <see cref="MessageResource.DateCreated"/>.
    /// </summary>
    public async Task<MessagePage> ListMessagesAsync(MessageListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RestChecks.That(filter.PageSize is >= 1 and <= 1000, nameof(filter.PageSize), "Twilio pages hold 1 to 1000 messages.");
        // Twilio's "DateSent>=" is the parameter named "DateSent>" (its helper libraries send it so): on or after.
        var path = ListPath("Messages.json", ("To", filter.To), ("From", filter.From), ("DateSent>", Second(filter.SentOnOrAfter)),
            ("PageSize", filter.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return MessagePage.Read(await SendAsync(HttpMethod.Get, path, null, cancellationToken));
    }

    /// <summary>The next page of a list, from the <c>next_page_uri</c> Twilio gave (a path on the API base).</summary>
    public async Task<MessagePage> ListMessagesPageAsync(string nextPageUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nextPageUri);
        RestChecks.That(nextPageUri.StartsWith("/2010-04-01/Accounts/", StringComparison.Ordinal), nameof(nextPageUri), "A next page is a path of the 2010-04-01 API.");
        return MessagePage.Read(await SendAsync(HttpMethod.Get, nextPageUri, null, cancellationToken));
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

            var error = ReadError((int)status, body, retryAfter);
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

    private static TwilioApiException ReadError(int status, string body, TimeSpan? retryAfter)
    {
        TwilioApiException error;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = Json.Int(root, "code");
            error = TwilioApiException.Create(status, code, Json.String(root, "message"), Json.String(root, "more_info"));
        }
        catch (JsonException)
        {
            error = TwilioApiException.Create(status, null, null, null);
        }

        error.RetryAfter = retryAfter;
        return error;
    }

    /// <summary>The path without its query string, where a list's filters carry phone numbers.</summary>
    private static string LogPath(string path) => path.Split('?', 2)[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio {Method} {Path} answered {Status} (code {Code}) on attempt {Attempt}; retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string method, string path, int status, int? code, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio {Method} {Path} failed with {Status} (code {Code}) after {Attempt} attempt(s)")]
    private static partial void LogFailed(ILogger logger, string method, string path, int status, int? code, int attempt);
}
