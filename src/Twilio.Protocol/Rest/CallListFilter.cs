namespace Twilio.Protocol.Rest;

/// <summary>
/// The filters of Twilio's Calls list: recipient, caller, started (dialled) on or after a time, page size (Twilio's
/// limit is 1000). A call still queued has no start time, so a start filter leaves it out.
/// </summary>
public sealed record CallListFilter
{
    public string? To { get; init; }

    public string? From { get; init; }

    /// <summary>Started on or after (Twilio's <c>StartTime&gt;=</c>).</summary>
    public DateTimeOffset? StartedOnOrAfter { get; init; }

    public int PageSize { get; init; } = 50;
}
