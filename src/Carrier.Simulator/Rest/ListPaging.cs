using System.Globalization;

namespace Carrier.Simulator.Rest;

/// <summary>
/// The paging Twilio's list resources share (Messages, Calls): <c>PageSize</c> (1-1000, default 50), <c>Page</c>, and
/// <c>PageToken</c> (<c>PA</c> + the sid of the last item of the previous page), over a newest-first list.
/// </summary>
internal static class ListPaging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    /// <summary>Reads the paging parameters; the name of the wrong one, or null.</summary>
    public static string? TryParse(Func<string, string?> text, out int pageSize, out int page, out string? pageToken)
    {
        pageSize = DefaultPageSize;
        page = 0;
        pageToken = text("PageToken");
        if (text("PageSize") is { } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return "PageSize";
        }

        if (text("Page") is { } number && !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            return "Page";
        }

        return pageToken is not null && !pageToken.StartsWith("PA", StringComparison.Ordinal) ? "PageToken" : null;
    }

    /// <summary>One page of <paramref name="matching"/>: after the token's item if there is a token, else by page number.</summary>
    public static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> matching, int pageSize, int page, string? pageToken, Func<T, string> sid)
    {
        var start = page * pageSize;
        if (pageToken is { Length: > 2 } token)
        {
            var after = token[2..];
            var index = -1;
            for (var i = 0; i < matching.Count; i++)
            {
                if (sid(matching[i]) == after)
                {
                    index = i;
                    break;
                }
            }

            start = index + 1;
        }

        return [.. matching.Skip(start).Take(pageSize)];
    }

    /// <summary>The list's query string at another page, in Twilio's order and encoding (<c>DateSent%3E=...</c>); null filters left out.</summary>
    public static string QueryString(IEnumerable<(string Name, string? Value)> filters, int pageSize, int page, string? pageToken) =>
        string.Join('&', filters
            .Append(("PageSize", (string?)pageSize.ToString(CultureInfo.InvariantCulture)))
            .Append(("Page", (string?)page.ToString(CultureInfo.InvariantCulture)))
            .Append(("PageToken", pageToken))
            .Where(p => p.Item2 is not null)
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2!)));

    /// <summary>A query parameter's first non-empty value.</summary>
    public static Func<string, string?> Reader(Microsoft.AspNetCore.Http.IQueryCollection query) =>
        name => query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
