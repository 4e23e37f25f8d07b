using CallCenter.Api.Telephony;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Home;

/// <summary>
/// The hub's front door for people with a browser: <c>/</c> says what is here and links the test phone, the API
/// description, health and the docs. Everything under <c>/api</c> still needs a sign-in.
/// </summary>
internal static class HomeEndpoints
{
    // Pages only: no script, nothing loaded from elsewhere.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddSingleton(_ => DocsPages.Load(Path.Combine(AppContext.BaseDirectory, DocsPages.FolderName)));
        return services;
    }

    public static void MapHomeEndpoints(this WebApplication app)
    {
        app.MapGet("/", FrontDoor).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/docs", DocsIndex).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/docs/{name}", Doc).AllowAnonymous().ExcludeFromDescription();
    }

    private static ContentHttpResult FrontDoor(HttpContext context, CarrierMode carrier, DocsPages docs) =>
        Page(context, FrontPage.Render(carrier.IsSimulator, docs.Names));

    private static ContentHttpResult DocsIndex(HttpContext context, DocsPages docs) =>
        Page(context, FrontPage.RenderDocsIndex(docs.Names));

    private static Results<ContentHttpResult, NotFound> Doc(string name, HttpContext context, DocsPages docs) =>
        docs.Find(name) is { } page ? Page(context, page) : TypedResults.NotFound();

    private static ContentHttpResult Page(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
