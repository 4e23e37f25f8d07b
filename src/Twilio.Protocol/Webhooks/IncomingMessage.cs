using System.Globalization;

namespace Twilio.Protocol.Webhooks;

/// <summary>An incoming SMS or MMS.</summary>
public sealed record IncomingMessage
{
    /// <summary>Twilio attaches at most 10 media to a message.</summary>
    public const int MaxMedia = 10;

    public required string MessageSid { get; init; }

    public required string AccountSid { get; init; }

    public string? MessagingServiceSid { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public string Body { get; init; } = string.Empty;

    public int NumMedia { get; init; }

    public int? NumSegments { get; init; }

    public IReadOnlyList<MessageMedia> Media { get; init; } = [];

    public static WebhookParseResult<IncomingMessage> Parse(TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FormReader(form);
        var messageSid = read.Required("MessageSid");
        var accountSid = read.Required("AccountSid");
        var from = read.Required("From");
        var to = read.Required("To");
        var numMedia = read.Int("NumMedia", max: MaxMedia) ?? 0;
        var numSegments = read.Int("NumSegments");
        var media = new List<MessageMedia>(numMedia);
        for (var i = 0; i < numMedia; i++)
        {
            var url = read.Required("MediaUrl" + i.ToString(CultureInfo.InvariantCulture));
            media.Add(new MessageMedia(url, read.Optional("MediaContentType" + i.ToString(CultureInfo.InvariantCulture))));
        }

        return WebhookParseResult<IncomingMessage>.From(read, () => new IncomingMessage
        {
            MessageSid = messageSid,
            AccountSid = accountSid,
            MessagingServiceSid = read.Optional("MessagingServiceSid"),
            From = from,
            To = to,
            Body = read.Optional("Body") ?? string.Empty,
            NumMedia = numMedia,
            NumSegments = numSegments,
            Media = media,
        });
    }

    public IReadOnlyList<KeyValuePair<string, string>> ToForm()
    {
        var writer = new FormWriter()
            .Add("MessageSid", MessageSid)
            .Add("AccountSid", AccountSid)
            .Add("MessagingServiceSid", MessagingServiceSid)
            .Add("From", From)
            .Add("To", To)
            .Add("Body", Body)
            .Add("NumMedia", Media.Count)
            .Add("NumSegments", NumSegments);
        for (var i = 0; i < Media.Count; i++)
        {
            writer.Add("MediaUrl" + i.ToString(CultureInfo.InvariantCulture), Media[i].Url)
                .Add("MediaContentType" + i.ToString(CultureInfo.InvariantCulture), Media[i].ContentType);
        }

        return writer.Fields;
    }
}
