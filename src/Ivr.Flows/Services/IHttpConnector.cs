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
