namespace CallCenter.Api.Interactions;

internal static class InteractionEndpoints
{
    public static IServiceCollection AddInteractionApi(this IServiceCollection services) => services;

    public static void MapInteractionEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
