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
        string? Text(string name) => query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

        var dates = new Dictionary<string, DateFilter?>();
        foreach (var name in new[] { "StartTime", "StartTime<", "StartTime>" })
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

        CallStatus? status = null;
        if (Text("Status") is { } statusText)
        {
            if (!CallStatuses.Names.TryParse(statusText, out var parsed))
            {
                return (null, "Status");
            }

            status = parsed;
        }

        var pageSize = MessageListQuery.DefaultPageSize;
        if (Text("PageSize") is { } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MessageListQuery.MaxPageSize))
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

        return (new CallListQuery(
            Text("To"), Text("From"), status, dates.GetValueOrDefault("StartTime"), dates.GetValueOrDefault("StartTime<"), dates.GetValueOrDefault("StartTime>"),
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

    /// <summary>This page of <paramref name="matching"/> (newest first): after the token's call if there is a token, else by page number.</summary>
    public IReadOnlyList<SimulatedCall> Slice(IReadOnlyList<SimulatedCall> matching)
    {
        var start = Page * PageSize;
        if (PageToken is { Length: > 2 } token)
        {
            var after = token[2..];
            var index = matching.Select((c, i) => (c, i)).FirstOrDefault(p => p.c.Sid == after, (null!, -1)).Item2;
            start = index + 1;
        }

        return [.. matching.Skip(start).Take(PageSize)];
    }

    /// <summary>The query string of this list at another page, in Twilio's order and encoding (<c>StartTime%3E=...</c>).</summary>
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
        Add("Status", Status is { } status ? CallStatuses.Names.ToWire(status) : null);
        Add("StartTime", StartTime?.Text);
        Add("StartTime<", StartedBefore?.Text);
        Add("StartTime>", StartedAfter?.Text);
        Add("PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        Add("Page", page.ToString(CultureInfo.InvariantCulture));
        Add("PageToken", pageToken);
        return string.Join('&', parts);
    }
}
