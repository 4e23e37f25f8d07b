using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Infrastructure;

/// <summary>A webhook the fake hub received, with whether its Twilio signature checked out.</summary>
internal sealed record HubRequest(string Url, string Path, string Method, TwilioForm Form, string? IdempotencyToken, bool SignatureValid);

/// <summary>
/// Stands in for the hub: answers the simulator's webhooks with canned TwiML per path and records each request,
/// checking its signature the way the hub does.
/// </summary>
internal sealed class FakeHub(string authToken) : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HubRequest, string>> _responses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HubRequest> _requests = new();
    private readonly TwilioRequestValidator _validator = new(authToken);

    public IReadOnlyList<HubRequest> Requests => [.. _requests];

    public FakeHub Respond(string path, string twiml) => Respond(path, _ => twiml);

    public FakeHub Respond(string path, Func<HubRequest, string> twiml)
    {
        _responses[path] = twiml;
        return this;
    }

    public IReadOnlyList<HubRequest> To(string path) => [.. _requests.Where(r => r.Path == path)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        var pairs = request.Content is null
            ? []
            : ParseForm(await request.Content.ReadAsStringAsync(cancellationToken));
        var signature = request.Headers.TryGetValues(TwilioWebhookHeaders.Signature, out var signatures) ? signatures.Single() : null;
        var token = request.Headers.TryGetValues(TwilioWebhookHeaders.IdempotencyToken, out var tokens) ? tokens.Single() : null;
        var received = new HubRequest(
            url, request.RequestUri.AbsolutePath, request.Method.Method, TwilioForm.From(pairs), token, _validator.IsValid(url, pairs, signature));
        _requests.Enqueue(received);

        if (!_responses.TryGetValue(received.Path, out var respond))
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(respond(received), Encoding.UTF8, "application/xml") };
    }

    private static List<KeyValuePair<string, string>> ParseForm(string body) =>
        [.. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return new KeyValuePair<string, string>(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : string.Empty);
        })];

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
