namespace Twilio.Protocol.Rest;

/// <summary>The filters of Twilio's Messages list: recipient, sender, sent on or after a time, page size (Twilio's limit is 1000).</summary>
public sealed record MessageListFilter
{
    public string? To { get; init; }

    public string? From { get; init; }

    /// <summary>Sent on or after (Twilio's <c>DateSent&gt;=</c>).</summary>
    public DateTimeOffset? SentOnOrAfter { get; init; }

    public int PageSize { get; init; } = 50;
}
