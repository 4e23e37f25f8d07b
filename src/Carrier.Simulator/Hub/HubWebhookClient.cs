using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Hub;

/// <summary>What the hub answered to a webhook.</summary>
internal sealed record HubResponse(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>
/// Sends webhooks to the hub as Twilio does: form-encoded, signed with the auth token over the exact URL requested
/// (and, for POST, every parameter), a fresh idempotency token per delivery.
/// </summary>
internal sealed class HubWebhookClient(IHttpClientFactory httpClientFactory, IOptions<TwilioOptions> twilio)
{
    /// <summary>The named HttpClient the simulator sends webhooks with (tests swap its primary handler).</summary>
    public const string HttpClientName = "carrier-simulator";

    /// <summary>An absolute URL on the hub for a path such as <c>/twilio/voice</c>.</summary>
    public string HubUrl(string path) =>
        WebhookUrl.Combine(twilio.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not set."), path);

    public async Task<HubResponse> SendAsync(string url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var isGet = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        var requestUrl = isGet ? AppendQuery(url, fields) : url;
        using var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, requestUrl);
        if (!isGet)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        var signature = TwilioSignature.SignForm(twilio.Value.AuthToken, requestUrl, isGet ? [] : fields);
        request.Headers.TryAddWithoutValidation(TwilioWebhookHeaders.Signature, signature);
        request.Headers.TryAddWithoutValidation(TwilioWebhookHeaders.IdempotencyToken, Guid.NewGuid().ToString("N"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("TwilioProxy", "1.1"));
        request.Headers.Accept.ParseAdd("*/*");

        var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HubResponse((int)response.StatusCode, body);
    }

    private static string AppendQuery(string url, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (fields.Count == 0)
        {
            return url;
        }

        var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }
}
