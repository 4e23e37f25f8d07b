using System.Globalization;
using Carrier.Simulator.Calls;
using Microsoft.AspNetCore.Http;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Rest;

/// <summary>
/// The filters and paging of Twilio's Calls list (<c>GET .../Calls.json</c>): <c>To</c>, <c>From</c>, <c>Status</c>,
/// <c>StartTime</c> (a day, or an exact second), <c>StartTime&lt;</c> (on or before), <c>StartTime&gt;</c> (on or
/// after); <c>PageSize</c> (1-1000, default 50), <c>Page</c> and <c>PageToken</c>. As with Twilio, a call not yet
/// dialled has no start time, so a start filter leaves it out; the list is newest first.
/// </summary>
internal sealed record CallListQuery(
    string? To,
    string? From,
    CallStatus? Status,
    DateFilter? StartTime,
    DateFilter? StartedBefore,
    DateFilter? StartedAfter,
    int PageSize,
    int Page,
    string? PageToken)
{
    /// <summary>The query, or the name of the parameter that is wrong.</summary>
    public static (CallListQuery? Query, string? BadParameter) Parse(IQueryCollection query)
    {
        var read = ListPaging.Reader(query);

        var dates = new Dictionary<string, DateFilter?>();
        foreach (var name in new[] { "StartTime", "StartTime<", "StartTime>" })
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

        CallStatus? status = null;
        if (read("Status") is { } statusText)
        {
            if (!CallStatuses.Names.TryParse(statusText, out var parsed))
            {
                return (null, "Status");
            }

            status = parsed;
        }

        if (ListPaging.TryParse(read, out var pageSize, out var page, out var token) is { } badPaging)
        {
            return (null, badPaging);
        }

        return (new CallListQuery(
            read("To"), read("From"), status, dates.GetValueOrDefault("StartTime"), dates.GetValueOrDefault("StartTime<"), dates.GetValueOrDefault("StartTime>"),
            pageSize, page, token), null);
    }

    public bool Matches(SimulatedCall call)
    {
        if ((To is not null && call.To != To) || (From is not null && call.From != From) || (Status is { } status && call.Status != status))
        {
            return false;
        }

        if (StartTime is null && StartedBefore is null && StartedAfter is null)
        {
            return true;
        }

        return call.StartedAt is { } started
            && (StartTime?.Contains(started) ?? true)
            && (StartedBefore?.IsOnOrBefore(started) ?? true)
            && (StartedAfter?.IsOnOrAfter(started) ?? true);
    }

    /// <summary>This page of <paramref name="matching"/> (newest first).</summary>
    public IReadOnlyList<SimulatedCall> Slice(IReadOnlyList<SimulatedCall> matching) => ListPaging.Slice(matching, PageSize, Page, PageToken, item => item.Sid);

    /// <summary>The query string of this list at another page, in Twilio's order and encoding (<c>StartTime%3E=...</c>).</summary>
    public string QueryString(int page, string? pageToken) => ListPaging.QueryString(
        [
            ("To", To),
            ("From", From),
            ("Status", Status is { } status ? CallStatuses.Names.ToWire(status) : null),
            ("StartTime", StartTime?.Text),
            ("StartTime<", StartedBefore?.Text),
            ("StartTime>", StartedAfter?.Text),
        ],
        PageSize,
        page,
        pageToken);
}
