using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Callbacks;

public static class CallbacksServiceCollectionExtensions
{
    /// <summary>
    /// Callbacks that happen: the repository, the dialler, the attempts and the answers. The host runs
    /// <see cref="CallbackRuns"/> and <see cref="CallbackDialChecks"/> on a schedule (Notifications' callback job) and may replace <see cref="ICallingHours"/>.
    /// </summary>
    public static IServiceCollection AddCallbacks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(CallbackRuns)))
        {
            return services;
        }

        services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICallbackRepository, CallbackRepository>();
        services.TryAddSingleton<ICallingHours, AlwaysCallingHours>();
        services.AddSingleton<CallbackLinks>();
        services.AddSingleton<CallbackAttempts>();
        services.AddSingleton<CallbackDialer>();
        services.AddSingleton<CallbackRuns>();
        services.AddSingleton<CallbackDialChecks>();
        services.AddSingleton<CallbackAnswers>();
        services.AddSingleton<CallbackService>();
        return services;
    }
}
