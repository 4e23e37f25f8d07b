using Microsoft.AspNetCore.Http.Json;

namespace CallCenter.Api.Infrastructure;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddCallCenterProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Bind failures surface as exceptions so the handler above can name the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.AllowTrailingCommas = false);
        return services;
    }
}
