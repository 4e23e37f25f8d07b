using CallCenter.Core.Ivr;
using CallCenter.Core.Messaging;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Ivr;

/// <summary>The Core with its IVR on a test database, as the host builds it but without the host: what IVR tests resolve their subjects from.</summary>
internal static class IvrServices
{
    public static ServiceProvider Create(
        TestDatabase database, TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(time);
        services.AddCallCenterCore();
        services.AddIvr();
        services.AddSingleton<ISmsCarrier, RefusingSmsCarrier>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
