using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Threading.RateLimiting;

namespace CallCenter.Api.Infrastructure;

internal static class AuthSetup
{
    /// <summary>Picks bearer tokens for API and hub clients, the cookie for pages.</summary>
    private const string BearerOrCookie = "bearer-or-cookie";

    /// <summary>Rate limit on the sign-in endpoints, per client address (slows password guessing).</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>When a cookie's user signed in (an item of the cookie's properties, kept when it slides).</summary>
    private const string SignedInAtItem = "callcenter:signed-in-at";

    public static IServiceCollection AddCallCenterAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, DataProtectionCertificateValidator>();

        // Everything below reads AuthOptions through the options system, not eagerly from configuration here,
        // so settings added after this point (other sources, test hosts) still apply.
        // The keys that sign tokens and cookies are encrypted with the configured certificate before they are written
        // and decrypted with it (ProtectKeysWithCertificate's work, but with the certificate read through the options).
        services.AddDataProtection().SetApplicationName("CallCenter");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<AuthOptions>, IHostEnvironment, ILoggerFactory>((keys, auth, environment, loggers) =>
            {
                keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.GetFullPath(auth.Value.DataProtectionKeysPath, environment.ContentRootPath)), loggers);
                if (DataProtectionCertificate.Load(auth.Value, environment.ContentRootPath) is { } certificate)
                {
                    keys.XmlEncryptor = new CertificateKeyEncryptor(certificate, loggers);
                }
            });

        services.AddAuthentication(BearerOrCookie)
            .AddPolicyScheme(BearerOrCookie, "Bearer token or cookie", scheme =>
                scheme.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    || HubQueryToken(context.Request) is not null
                        ? BearerTokenDefaults.AuthenticationScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken()
            .AddCookie(cookie =>
            {
                cookie.SlidingExpiration = true;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.Name = "callcenter.auth";

                // An API answers 401/403; it does not redirect to a login page.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) =>
            {
                bearer.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.TokenLifetimeMinutes);

                // Browsers cannot set headers on WebSockets or server-sent events, so SignalR clients send the token in
                // the query string. Accepted only on the desk hub: elsewhere a token in a URL would end up in logs.
                bearer.Events = new BearerTokenEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (HubQueryToken(context.Request) is { } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((cookie, auth, time) =>
            {
                // Sliding: each request renews the cookie once half of the idle timeout has passed, so it ends after the
                // idle timeout without a request. The sign-in time rides in the cookie, which ends at the token lifetime
                // however busy its user.
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(auth.Value.IdleTimeoutMinutes);
                var lifetime = TimeSpan.FromMinutes(auth.Value.TokenLifetimeMinutes);
                cookie.Events.OnSigningIn = context =>
                {
                    context.Properties.Items[SignedInAtItem] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                };
                cookie.Events.OnValidatePrincipal = context =>
                {
                    if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var value)
                        || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
                        || signedInAt + lifetime <= time.GetUtcNow())
                    {
                        context.RejectPrincipal();
                    }

                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Agent, policy => policy.RequireRole(Policies.RolesFor[Policies.Agent]))
            .AddPolicy(Policies.Supervisor, policy => policy.RequireRole(Policies.RolesFor[Policies.Supervisor]))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Policies.RolesFor[Policies.Admin]))
            .AddPolicy(Policies.WallboardViewer, policy => policy.RequireRole(Policies.RolesFor[Policies.WallboardViewer]))
            // A route that forgets to name a policy still needs a signed-in user.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddSingleton<Accounts.SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SignInPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        return services;
    }

    /// <summary>The <c>access_token</c> query parameter of a request to the desk hub; null anywhere else.</summary>
    private static string? HubQueryToken(HttpRequest request) =>
        request.Path.StartsWithSegments(AgentDesk.Contracts.DeskRoutes.Hub, StringComparison.OrdinalIgnoreCase)
        && request.Query["access_token"].ToString() is { Length: > 0 } token
            ? token
            : null;
}
