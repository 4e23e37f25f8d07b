namespace Twilio.Protocol.Rest;

/// <summary>
/// An outbound SMS/MMS: <see cref="From"/> or <see cref="MessagingServiceSid"/> (one of them), and a
/// <see cref="Body"/> and/or <see cref="MediaUrl"/>.
/// </summary>
public sealed record CreateMessageRequest
{
    /// <summary>Twilio's limit for a message body.</summary>
    public const int MaxBodyLength = 1600;

    public required string To { get; init; }

    public string? From { get; init; }

    public string? MessagingServiceSid { get; init; }

    /// <summary>At most 1600 characters (counted as UTF-16 code units, which never undercounts).</summary>
    public string? Body { get; init; }

    /// <summary>Up to 10 media URLs, sent as repeated MediaUrl fields.</summary>
    public IReadOnlyList<string> MediaUrl { get; init; } = [];

    public string? StatusCallback { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> ToForm(Func<string, string, string> resolveUrl)
    {
        RestChecks.Required(To, nameof(To));
        RestChecks.ExactlyOne((nameof(From), From), (nameof(MessagingServiceSid), MessagingServiceSid));
        RestChecks.That(!string.IsNullOrEmpty(Body) || MediaUrl.Count > 0, nameof(Body), "A message needs a Body or a MediaUrl.");
        RestChecks.That(Body is not { Length: > MaxBodyLength }, nameof(Body), $"Body is longer than {MaxBodyLength} characters.");
        RestChecks.That(MediaUrl.Count <= 10, nameof(MediaUrl), "A message takes at most 10 MediaUrl.");

        return new RestForm(resolveUrl)
            .Add("To", To)
            .Add("From", From)
            .Add("MessagingServiceSid", MessagingServiceSid)
            .Add("Body", Body)
            .AddEach("MediaUrl", MediaUrl)
            .Url("StatusCallback", StatusCallback)
            .Fields;
    }
}
