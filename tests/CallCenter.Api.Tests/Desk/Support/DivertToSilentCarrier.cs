namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// On the hub's Twilio REST client: while the <see cref="SilentCarrier"/> is stalled, each request goes to it instead
/// of the carrier configured (same path and body), so the hub's real HttpClient meets a carrier that never answers.
/// </summary>
internal sealed class DivertToSilentCarrier(SilentCarrier carrier) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (carrier.Stalled && request.RequestUri is { } uri)
        {
            request.RequestUri = new Uri(carrier.Address, uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
