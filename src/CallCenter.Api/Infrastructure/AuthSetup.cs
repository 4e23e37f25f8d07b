using CallCenter.Core.Accounts;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using System.Threading.RateLimiting;

namespace CallCenter.Api.Infrastructure;

internal static class AuthSetup
{
    /// <summary>Picks bearer tokens for API and hub clients, the cookie for pages.</summary>
    private const string BearerOrCookie = "bearer-or-cookie";

    /// <summary>Rate limit on the sign-in endpoints, per client address (slows password guessing).</summary>
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddCallCenterAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var keysPath = Path.GetFullPath(options.DataProtectionKeysPath, environment.ContentRootPath);
        services.AddDataProtection()
            .SetApplicationName("CallCenter")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        services.AddAuthentication(BearerOrCookie)
            .AddPolicyScheme(BearerOrCookie, "Bearer token or cookie", scheme =>
                scheme.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenDefaults.AuthenticationScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(bearer => bearer.BearerTokenExpiration = lifetime)
            .AddCookie(cookie =>
            {
                cookie.ExpireTimeSpan = lifetime;
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

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Agent, policy => policy.RequireRole(Policies.RolesFor[Policies.Agent]))
            .AddPolicy(Policies.Supervisor, policy => policy.RequireRole(Policies.RolesFor[Policies.Supervisor]))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Policies.RolesFor[Policies.Admin]))
            // A route that forgets to name a policy still needs a signed-in user.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        return services;
    }
}
