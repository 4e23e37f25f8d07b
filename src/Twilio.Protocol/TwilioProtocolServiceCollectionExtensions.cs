using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;

namespace Twilio.Protocol;

public static class TwilioProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Twilio settings from the <c>Twilio</c> configuration section (validated at start-up), the webhook
    /// <see cref="TwilioRequestValidator"/>, and <see cref="TwilioRestClient"/> as a typed HttpClient, and
    /// <see cref="TwilioRestClientFactory"/> for long-lived services.
    /// </summary>
    public static IServiceCollection AddTwilioProtocol(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TwilioRetryDelay>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return (wait, ct) => Task.Delay(wait, time, ct);
        });
        services.TryAddSingleton(sp => new TwilioRequestValidator(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.AuthToken));
        // Twilio:RequestTimeout: a carrier that does not answer in time is a carrier failure, never a hung worker.
        services.AddHttpClient<TwilioRestClient>()
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout);
        services.TryAddSingleton<TwilioRestClientFactory>();
        return services;
    }
}
