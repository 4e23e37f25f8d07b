using System.Net;

namespace CallCenter.Api.Infrastructure;

/// <summary>How the hub sits behind a reverse proxy or load balancer, and how it insists on HTTPS (section <c>ReverseProxy</c>).</summary>
internal sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>
    /// Addresses of the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the hub believes, beyond
    /// loopback (trusted always). A header from any other address is ignored: a client cannot pose as another.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, in CIDR form (10.0.0.0/8).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are read, from the hub outward.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Redirect HTTP to HTTPS and send HSTS. Null (the default): on outside the Development environment.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>How long browsers remember to use HTTPS only (the HSTS max-age).</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Mark the sign-in cookie Secure, so it never travels over plain HTTP. Null (the default): on outside Development.</summary>
    public bool? SecureCookies { get; set; }

    /// <summary>The configured proxies that are not addresses or networks, for a start-up error that names them.</summary>
    public IEnumerable<string> Unreadable() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)));
}
