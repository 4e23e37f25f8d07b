namespace Ivr.Flows.Services;

/// <summary>
/// Calls an HTTP endpoint configured in the hub (a hospital information system) by name. Flows never hold URLs or
/// secrets: the hub's configuration does, so a flow file is safe to share.
/// </summary>
public interface IHttpConnector
{
    /// <summary>Endpoint names that are configured, for validation.</summary>
    IReadOnlySet<string> EndpointNames { get; }

    /// <summary>Calls the endpoint; never throws for network errors or timeouts: those come back as <c>Succeeded = false</c>.</summary>
    Task<HttpCallResult> CallAsync(HttpCallRequest request, CancellationToken cancellationToken);
}

/// <summary>A call to a named endpoint with a JSON object of fields, within <see cref="Timeout"/>.</summary>
public sealed record HttpCallRequest(string Endpoint, IReadOnlyDictionary<string, string?> Fields, TimeSpan Timeout);

/// <summary>The answer: success, HTTP status, and the top-level fields of a JSON object answer as text.</summary>
public sealed record HttpCallResult(bool Succeeded, int? StatusCode, IReadOnlyDictionary<string, string?> Fields, string? Error = null);
