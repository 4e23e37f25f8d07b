using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Behind a reverse proxy the hub sees the proxy's address and plain HTTP. Forwarded headers are believed from
/// configured proxies only, so the address the rate limits and the simulator's loopback rule key on is the real
/// client's; outside Development plain HTTP is redirected, HSTS sent and the sign-in cookie marked Secure.
/// </summary>
internal static class ReverseProxySetup
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName)
            .Validate(proxy => !proxy.Unreadable().Any(), "ReverseProxy:KnownProxies must be IP addresses and ReverseProxy:KnownNetworks CIDR networks (10.0.0.0/8)")
            .Validate(proxy => proxy.ForwardLimit is >= 1 and <= 10, "ReverseProxy:ForwardLimit must be from 1 to 10")
            .Validate(proxy => proxy.HstsMaxAgeDays is >= 1 and <= 730, "ReverseProxy:HstsMaxAgeDays must be from 1 to 730")
            .ValidateOnStart();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            // The host is not forwarded: Twilio's signatures are checked against Twilio:PublicBaseUrl, never a header.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            foreach (var address in proxy.Value.KnownProxies)
            {
                if (IPAddress.TryParse(address, out var parsed))
                {
                    forwarded.KnownProxies.Add(parsed);
                }
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<ReverseProxyOptions>>((hsts, proxy) => hsts.MaxAge = TimeSpan.FromDays(proxy.Value.HstsMaxAgeDays));
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<ReverseProxyOptions>, IHostEnvironment>((cookie, proxy, environment) =>
                cookie.Cookie.SecurePolicy = proxy.Value.SecureCookies ?? !environment.IsDevelopment()
                    ? CookieSecurePolicy.Always
                    : CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: everything after it (logs, rate limits, the simulator's gate) sees the real client.</summary>
    public static void UseForwardedClient(this WebApplication app) => app.UseForwardedHeaders();

    public static void UseHttpsOnly(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        if (!(proxy.RequireHttps ?? !app.Environment.IsDevelopment()))
        {
            return;
        }

        app.UseHsts();
        // A load balancer's health probe speaks plain HTTP to the hub itself: a redirect would read as the hub down.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase), https => https.UseHttpsRedirection());
    }
}
