using CallCenter.Core.Patients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Calls;

public static class CallsServiceCollectionExtensions
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.TryAddSingleton<CallerIdMatcher>();
        services.AddSingleton<ICallRepository, CallRepository>();
        services.AddSingleton<CallService>();
        return services;
    }
}
