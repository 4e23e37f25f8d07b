using CallCenter.Api.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// The wallboard's web side: the SignalR hub at <see cref="WallboardRoutes.Hub"/> with its broadcaster, and the page at
/// <see cref="WallboardRoutes.Page"/>. The page itself is public (it holds no data and signs in through
/// <c>POST /api/auth/login</c>); the board comes only over the hub, to wallboard viewers.
/// </summary>
internal static class WallboardEndpoints
{
    // Everything from the hub itself: no inline script or style, no other origin, not framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddWallboardApi(this IServiceCollection services)
    {
        services.AddOptions<WallboardPushOptions>().BindConfiguration(WallboardPushOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton(_ => WallboardAssets.Load());
        services.AddSingleton<WallboardFeed>();
        services.AddHostedService<WallboardBroadcaster>();
        return services;
    }

    public static void MapWallboard(this WebApplication app)
    {
        app.MapHub<WallboardHub>(WallboardRoutes.Hub).RequireAuthorization(Policies.WallboardViewer);
        app.MapGet(WallboardRoutes.Page, Page).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(WallboardRoutes.Assets + "/{name}", Asset).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Page(HttpContext context, WallboardAssets assets) =>
        Serve(context, assets.Page, CacheControlHeaderValue.NoCacheString);

    private static IResult Asset(string name, string? v, HttpContext context, WallboardAssets assets)
    {
        if (assets.Find(name) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        // The page asks for each file by its version, which changes with its content: that URL may be kept for good.
        var cache = v == asset.Version ? "public, max-age=31536000, immutable" : CacheControlHeaderValue.NoCacheString;
        return Serve(context, asset, cache);
    }

    private static IResult Serve(HttpContext context, WallboardAsset asset, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = cacheControl;
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
