namespace Twilio.Protocol.Signatures;

/// <summary>
/// The URL variants a signature is accepted for: as given without its port, and with the scheme's default port
/// when it has none (Twilio may sign either). Split by hand, not with <see cref="Uri"/>, which would re-encode the
/// path and query and so change the string that was signed.
/// </summary>
internal static class UrlPorts
{
    public static IEnumerable<string> Candidates(string url)
    {
        var withoutPort = WithoutPort(url);
        yield return withoutPort;
        var withPort = WithDefaultPort(url);
        if (!string.Equals(withPort, withoutPort, StringComparison.Ordinal))
        {
            yield return withPort;
        }
    }

    private static string WithoutPort(string url)
    {
        if (!TrySplit(url, out var parts))
        {
            return url;
        }

        return parts.Scheme + parts.UserInfo + parts.Host + parts.Rest;
    }

    private static string WithDefaultPort(string url)
    {
        if (!TrySplit(url, out var parts) || parts.Port.Length > 0)
        {
            return url;
        }

        var port = parts.Scheme.Equals("https://", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        return parts.Scheme + parts.UserInfo + parts.Host + port + parts.Rest;
    }

    private static bool TrySplit(string url, out UrlParts parts)
    {
        parts = default;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var userInfoEnd = authority.LastIndexOf('@') + 1;
        var hostAndPort = authority[userInfoEnd..];
        // In an IPv6 literal the colons are inside brackets; the port colon comes after "]".
        var portStart = hostAndPort.IndexOf(':', hostAndPort.LastIndexOf(']') + 1);
        parts = new UrlParts(
            url[..authorityStart],
            authority[..userInfoEnd],
            portStart < 0 ? hostAndPort : hostAndPort[..portStart],
            portStart < 0 ? string.Empty : hostAndPort[portStart..],
            url[authorityEnd..]);
        return true;
    }

    private readonly record struct UrlParts(string Scheme, string UserInfo, string Host, string Port, string Rest);
}
