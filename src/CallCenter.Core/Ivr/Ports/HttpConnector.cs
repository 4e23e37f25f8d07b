using System.Net.Http.Json;
using System.Text.Json;
using Ivr.Flows.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// Calls the hospital systems configured under <c>Ivr:HttpEndpoints</c>. A failure of the other side (network,
/// timeout, error status, an answer that is not a JSON object) is an answer with <c>Succeeded = false</c>, so a
/// flow can take its error branch; only the caller's own cancellation is thrown. Field values are never logged.
/// </summary>
internal sealed partial class HttpConnector(
    IHttpClientFactory clients, IOptions<IvrPortOptions> options, TimeProvider time, ILogger<HttpConnector> logger) : IHttpConnector
{
    private static readonly IReadOnlyDictionary<string, string?> NoFields = new Dictionary<string, string?>();

    public IReadOnlySet<string> EndpointNames { get; } = options.Value.HttpEndpoints.Keys.ToHashSet(StringComparer.Ordinal);

    public async Task<HttpCallResult> CallAsync(HttpCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.Value.HttpEndpoints.TryGetValue(request.Endpoint, out var endpoint))
        {
            return new HttpCallResult(false, null, NoFields, "unknown-endpoint");
        }

        // The flow's timeout runs on the hub's clock, like every other IVR timeout.
        using var timeout = new CancellationTokenSource(request.Timeout > TimeSpan.Zero ? request.Timeout : TimeSpan.Zero, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var message = BuildRequest(endpoint, request.Fields);
            using var response = await clients.CreateClient(IvrPortsServiceCollectionExtensions.HttpClientName).SendAsync(message, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var status = (int)response.StatusCode;
            var fields = ReadFields(body);
            LogAnswered(logger, request.Endpoint, status);
            return (response.IsSuccessStatusCode, fields) switch
            {
                (true, not null) => new HttpCallResult(true, status, fields),
                (true, null) => new HttpCallResult(false, status, NoFields, "not-json"),
                (false, _) => new HttpCallResult(false, status, fields ?? NoFields, $"http-{status}"),
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, request.Endpoint, "timeout");
            return new HttpCallResult(false, null, NoFields, "timeout");
        }
        catch (HttpRequestException ex)
        {
            LogFailed(logger, request.Endpoint, ex.HttpRequestError.ToString());
            return new HttpCallResult(false, null, NoFields, "network-error");
        }
    }

    private static HttpRequestMessage BuildRequest(IvrHttpEndpoint endpoint, IReadOnlyDictionary<string, string?> fields)
    {
        HttpRequestMessage message;
        if (string.Equals(endpoint.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value ?? string.Empty)));
            var separator = endpoint.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            message = new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? endpoint.Url : endpoint.Url + separator + query);
        }
        else
        {
            message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = JsonContent.Create(fields) };
        }

        foreach (var (name, value) in endpoint.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>The top-level fields of a JSON object as text (nested values as their JSON), or null for anything else.</summary>
    private static Dictionary<string, string?>? ReadFields(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IVR HTTP endpoint {Endpoint} answered {Status}")]
    private static partial void LogAnswered(ILogger logger, string endpoint, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IVR HTTP endpoint {Endpoint} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string endpoint, string error);
}
