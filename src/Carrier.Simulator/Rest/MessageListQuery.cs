using System.Globalization;
using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Http;

namespace Carrier.Simulator.Rest;

/// <summary>
/// The filters and paging of Twilio's Messages list (<c>GET .../Messages.json</c>): <c>To</c>, <c>From</c>,
/// <c>DateSent</c> (a day, or an exact second), <c>DateSent&lt;</c> (on or before), <c>DateSent&gt;</c> (on or after);
/// <c>PageSize</c> (1-1000, default 50), <c>Page</c> and <c>PageToken</c>. A date is <c>YYYY-MM-DD</c> (GMT) or an ISO
/// 8601 date-time (what Twilio's libraries send). As with Twilio, a message not yet sent has no date sent, so a date
/// filter leaves it out; the list is newest first.
/// </summary>
internal sealed record MessageListQuery(
    string? To,
    string? From,
    DateFilter? DateSent,
    DateFilter? SentBefore,
    DateFilter? SentAfter,
    int PageSize,
    int Page,
    string? PageToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    /// <summary>The query, or the name of the parameter that is wrong.</summary>
    public static (MessageListQuery? Query, string? BadParameter) Parse(IQueryCollection query)
    {
        string? Text(string name) => query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

        var dates = new Dictionary<string, DateFilter?>();
        foreach (var name in new[] { "DateSent", "DateSent<", "DateSent>" })
        {
            if (Text(name) is { } text)
            {
                if (DateFilter.Parse(text) is not { } filter)
                {
                    return (null, name);
                }

                dates[name] = filter;
            }
        }

        var pageSize = DefaultPageSize;
        if (Text("PageSize") is { } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return (null, "PageSize");
        }

        var page = 0;
        if (Text("Page") is { } number && !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            return (null, "Page");
        }

        var token = Text("PageToken");
        if (token is not null && !token.StartsWith("PA", StringComparison.Ordinal))
        {
            return (null, "PageToken");
        }

        return (new MessageListQuery(
            Text("To"), Text("From"), dates.GetValueOrDefault("DateSent"), dates.GetValueOrDefault("DateSent<"), dates.GetValueOrDefault("DateSent>"),
            pageSize, page, token), null);
    }

    public bool Matches(SimulatedMessage message)
    {
        if ((To is not null && message.To != To) || (From is not null && message.From != From))
        {
            return false;
        }

        if (DateSent is null && SentBefore is null && SentAfter is null)
        {
            return true;
        }

        return message.DateSent is { } sent
            && (DateSent?.Contains(sent) ?? true)
            && (SentBefore?.IsOnOrBefore(sent) ?? true)
            && (SentAfter?.IsOnOrAfter(sent) ?? true);
    }

    /// <summary>This page of <paramref name="matching"/> (newest first): after the token's message if there is a token, else by page number.</summary>
    public IReadOnlyList<SimulatedMessage> Slice(IReadOnlyList<SimulatedMessage> matching)
    {
        var start = Page * PageSize;
        if (PageToken is { Length: > 2 } token)
        {
            var after = token[2..];
            var index = matching.Select((m, i) => (m, i)).FirstOrDefault(p => p.m.Sid == after, (null!, -1)).Item2;
            start = index + 1;
        }

        return [.. matching.Skip(start).Take(PageSize)];
    }

    /// <summary>The query string of this list at another page, in Twilio's order and encoding (<c>DateSent%3E=...</c>).</summary>
    public string QueryString(int page, string? pageToken)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("To", To);
        Add("From", From);
        Add("DateSent", DateSent?.Text);
        Add("DateSent<", SentBefore?.Text);
        Add("DateSent>", SentAfter?.Text);
        Add("PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        Add("Page", page.ToString(CultureInfo.InvariantCulture));
        Add("PageToken", pageToken);
        return string.Join('&', parts);
    }
}
