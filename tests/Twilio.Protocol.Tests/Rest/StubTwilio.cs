using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace Twilio.Protocol.Tests.Rest;

/// <summary>A fake Twilio at the HTTP edge: answers queued responses and records each request.</summary>
internal sealed class StubTwilio : HttpMessageHandler
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<CapturedRequest> Requests { get; } = [];

    public List<TimeSpan> Delays { get; } = [];

    public CapturingLogger<TwilioRestClient> Logger { get; } = new();

    public StubTwilio Respond(HttpStatusCode status, string json, TimeSpan? retryAfter = null)
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (retryAfter is { } after)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
            }

            return response;
        });
        return this;
    }

    public StubTwilio RespondError(HttpStatusCode status, int code) =>
        Respond(status, $$"""{"code":{{code}},"message":"The 'To' number +8613800138000 is not valid","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{(int)status}}}""");

    public StubTwilio RespondCall(string sid = "CA0123456789abcdef0123456789abcdef") =>
        Respond(HttpStatusCode.Created, $$"""{"sid":"{{sid}}","account_sid":"{{AccountSid}}","status":"queued","to":"+8613800138000","from":"+861065529988","parent_call_sid":null}""");

    public TwilioRestClient Client(Action<TwilioOptions>? configure = null)
    {
        var options = new TwilioOptions { AccountSid = AccountSid, AuthToken = AuthToken, PublicBaseUrl = "https://hub.example.com/" };
        configure?.Invoke(options);
        return new TwilioRestClient(new HttpClient(this), Options.Create(options), RecordDelay, Logger);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new CapturedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType, body));
        return _responses.Count > 0 ? _responses.Dequeue()() : throw new InvalidOperationException("No response queued.");
    }

    private Task RecordDelay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        return Task.CompletedTask;
    }
}

internal sealed record CapturedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body)
{
    public IReadOnlyList<KeyValuePair<string, string>> Form =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Decode(p[0]), Decode(p.Length > 1 ? p[1] : string.Empty)))
            .ToList();

    public string BasicUser => Encoding.UTF8.GetString(Convert.FromBase64String(Authorization!["Basic ".Length..])).Split(':')[0];

    public string BasicSecret => Encoding.UTF8.GetString(Convert.FromBase64String(Authorization!["Basic ".Length..])).Split(':', 2)[1];

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

internal sealed class CapturingLogger<T> : ILogger<T>
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Messages.Add(formatter(state, exception) + " " + exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            Messages.AddRange(values.Select(v => v.Key + "=" + v.Value));
        }
    }
}
