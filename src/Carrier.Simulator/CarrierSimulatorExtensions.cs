using Carrier.Simulator.Calls;
using Carrier.Simulator.Hub;
using Carrier.Simulator.Messaging;
using Carrier.Simulator.Phone;
using Carrier.Simulator.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Carrier.Simulator;

/// <summary>Wires the carrier simulator into a host.</summary>
public static class CarrierSimulatorExtensions
{
    /// <summary>Under this path the simulator serves Twilio's REST API, the simulated patients' API and the test phone.</summary>
    public const string PathPrefix = "/simulator";

    /// <summary>
    /// The simulator's services. It plays Twilio with the account, token and URLs of <c>TwilioOptions</c> (shared with
    /// the hub). <paramref name="isEnabled"/> says whether it should answer at all (default: yes); when it says no,
    /// every simulator route answers 404.
    /// </summary>
    public static IServiceCollection AddCarrierSimulator(this IServiceCollection services, Func<IServiceProvider, bool>? isEnabled = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CarrierSimulatorOptions>()
            .BindConfiguration(CarrierSimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .Configure<IServiceProvider>((options, provider) => options.Enabled = isEnabled?.Invoke(provider) ?? true);
        services.TryAddSingleton(TimeProvider.System);
        // Twilio gives the hub 15 seconds to answer a webhook.
        services.AddHttpClient(HubWebhookClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton<HubWebhookClient>();
        services.TryAddSingleton<CallRegistry>();
        services.TryAddSingleton<CallWaits>();
        services.TryAddSingleton<CallStatusReporter>();
        services.TryAddSingleton<StatusCallbackDrop>();
        services.TryAddSingleton<TwimlExecutor>();
        services.TryAddSingleton<CallRunner>();
        services.TryAddSingleton<MessageStore>();
        services.TryAddSingleton<MessageService>();
        services.TryAddSingleton<MessageRateLimiter>();
        services.TryAddSingleton<MessageHold>();
        return services;
    }

    /// <summary>
    /// Maps the simulator under <see cref="PathPrefix"/>: anonymous, hidden from the OpenAPI document, and 404 to every
    /// client when disabled and to non-loopback clients unless <c>CarrierSimulator:AllowRemoteClients</c> is set.
    /// </summary>
    public static IEndpointConventionBuilder MapCarrierSimulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var simulator = endpoints.MapGroup(PathPrefix)
            .AllowAnonymous()
            .ExcludeFromDescription();
        // The gate wraps each endpoint's whole request delegate (not an endpoint filter, which runs after binding):
        // a refused client gets 404 whatever it sends, never a 400 or 401 that would give the simulator away.
        ((IEndpointConventionBuilder)simulator).Add(endpoint =>
        {
            if (endpoint.RequestDelegate is { } inner)
            {
                endpoint.RequestDelegate = SimulatorGate.Guard(inner);
            }
        });
        simulator.MapRestEndpoints();
        simulator.MapPhoneEndpoints();
        simulator.MapLimitEndpoints();
        return simulator;
    }
}
