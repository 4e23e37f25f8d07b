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
    /// <summary>The query, or the name of the parameter that is wrong.</summary>
    public static (MessageListQuery? Query, string? BadParameter) Parse(IQueryCollection query)
    {
        var read = ListPaging.Reader(query);

        var dates = new Dictionary<string, DateFilter?>();
        foreach (var name in new[] { "DateSent", "DateSent<", "DateSent>" })
        {
            if (read(name) is { } text)
            {
                if (DateFilter.Parse(text) is not { } filter)
                {
                    return (null, name);
                }

                dates[name] = filter;
            }
        }

        if (ListPaging.TryParse(read, out var pageSize, out var page, out var token) is { } badPaging)
        {
            return (null, badPaging);
        }

        return (new MessageListQuery(
            read("To"), read("From"), dates.GetValueOrDefault("DateSent"), dates.GetValueOrDefault("DateSent<"), dates.GetValueOrDefault("DateSent>"),
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

    /// <summary>This page of <paramref name="matching"/> (newest first).</summary>
    public IReadOnlyList<SimulatedMessage> Slice(IReadOnlyList<SimulatedMessage> matching) => ListPaging.Slice(matching, PageSize, Page, PageToken, item => item.Sid);

    /// <summary>The query string of this list at another page, in Twilio's order and encoding (<c>DateSent%3E=...</c>).</summary>
    public string QueryString(int page, string? pageToken) => ListPaging.QueryString(
        [
            ("To", To),
            ("From", From),
            ("DateSent", DateSent?.Text),
            ("DateSent<", SentBefore?.Text),
            ("DateSent>", SentAfter?.Text),
        ],
        PageSize,
        page,
        pageToken);
}
