using Microsoft.Extensions.Http;

namespace Twilio.Protocol.Rest;

/// <summary>
/// Makes a <see cref="TwilioRestClient"/> for one piece of work. Services that live as long as the process hold this
/// rather than a client: a typed HttpClient kept for the whole process would keep one connection handler for ever
/// (Twilio's addresses changing unseen), while one made per use gets the HttpClient factory's pooled, rotated
/// handlers, and whatever a test configured for the <see cref="TwilioRestClient"/> client.
/// </summary>
public sealed class TwilioRestClientFactory(IHttpClientFactory http, ITypedHttpClientFactory<TwilioRestClient> typed)
{
    public TwilioRestClient Create() => typed.CreateClient(http.CreateClient(nameof(TwilioRestClient)));
}
