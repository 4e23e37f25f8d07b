using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Notifications.Channels;

/// <summary>
/// The outbox's SMS: one create per attempt through Twilio's REST API (no retry inside: the outbox owns retries and
/// throttling), and the Messages list to learn whether an attempt whose outcome is unknown reached the carrier.
/// </summary>
internal sealed partial class SmsNotificationChannel(
    TwilioRestClientFactory rest,
    IOptions<SmsChannelOptions> options,
    ILogger<SmsNotificationChannel> logger) : INotificationChannel
{
    // Twilio allows 1000 a page; the list is newest first, so the first page nearly always reaches back past the attempt.
    private const int PageSize = 200;
    private const int MaxPages = 10;
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(1);

    public string Name => Outbox.NotificationChannels.Sms;

    public (double PerSecond, int Burst) SendRate => (options.Value.MessagesPerSecond, options.Value.Burst);

    public string SenderOf(ChannelMessage message) => options.Value.MessagingServiceSid is { Length: > 0 } service ? service : options.Value.From ?? string.Empty;

    public async Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.MessagingServiceSid) && string.IsNullOrEmpty(settings.From))
        {
            return ChannelSendResult.Transient("no-sender-configured");
        }

        try
        {
            var created = await rest.Create().CreateMessageOnceAsync(
                new CreateMessageRequest
                {
                    To = message.Recipient,
                    From = string.IsNullOrEmpty(settings.MessagingServiceSid) ? settings.From : null,
                    MessagingServiceSid = string.IsNullOrEmpty(settings.MessagingServiceSid) ? null : settings.MessagingServiceSid,
                    Body = message.Body,
                    StatusCallback = string.IsNullOrWhiteSpace(settings.StatusCallback) ? null : settings.StatusCallback,
                },
                cancellationToken);
            return ChannelSendResult.Accepted(created.Sid, created.Status == MessageStatus.Sent ? Outbox.NotificationStatuses.Sent : Outbox.NotificationStatuses.Queued);
        }
        catch (TwilioRecipientOptedOutException)
        {
            return ChannelSendResult.OptedOut("21610");
        }
        catch (TwilioApiException ex) when (ex.HttpStatus == 429 || ex.Code == TwilioErrorCodes.TooManyRequests)
        {
            LogThrottled(logger, ex.RetryAfter?.TotalSeconds);
            return ChannelSendResult.Throttled(ex.RetryAfter);
        }
        catch (TwilioApiException ex) when (ex.IsPermanent || ex.HttpStatus is >= 400 and < 500)
        {
            // A 4xx is the request itself (the number, the text): sending it again gets the same answer.
            return ChannelSendResult.Rejected(Code(ex));
        }
        catch (TwilioApiException ex)
        {
            return ChannelSendResult.Transient(Code(ex));
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            // Never connected: the carrier cannot have it.
            return ChannelSendResult.Transient("carrier-unreachable");
        }
        catch (HttpRequestException ex)
        {
            LogUnknown(logger, ex.HttpRequestError.ToString());
            return ChannelSendResult.Unknown("carrier-no-answer");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnknown(logger, "timeout");
            return ChannelSendResult.Unknown("carrier-timeout");
        }
    }

    /// <summary>
    /// Asks the carrier for the messages to this recipient from this sender, newest first, without a date filter: a
    /// message Twilio still holds as queued has no date sent, so a <c>DateSent&gt;=</c> filter would miss exactly the
    /// message an interrupted attempt left behind. Matches on the text and on a creation time at or after the
    /// attempt's start (a minute of slack for the two clocks); stops at the first page that reaches back before it,
    /// and after <see cref="MaxPages"/> pages in any case.
    /// </summary>
    public async Task<IReadOnlyList<string>?> FindAcceptedAsync(ChannelMessage message, DateTime attemptedSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var twilio = rest.Create();
        // A messaging service picks its own from-number: then only the recipient, time and text can match.
        var from = string.IsNullOrEmpty(settings.MessagingServiceSid) ? settings.From : null;
        var since = new DateTimeOffset(DateTime.SpecifyKind(attemptedSince, DateTimeKind.Utc)).Add(-ClockSlack);
        var page = await twilio.ListMessagesAsync(new MessageListFilter { To = message.Recipient, From = from, PageSize = PageSize }, cancellationToken);
        var found = new List<MessageResource>();
        for (var pages = 1; ; pages++)
        {
            found.AddRange(page.Messages.Where(m =>
                m.Body == message.Body && m.To == message.Recipient && (m.DateCreated is not { } created || created >= since)));
            var reachedBack = page.Messages.Any(m => m.DateCreated is { } created && created < since);
            if (reachedBack || page.NextPageUri is not { } next || pages >= MaxPages)
            {
                break;
            }

            page = await twilio.ListMessagesPageAsync(next, cancellationToken);
        }

        return [.. found.OrderBy(m => m.DateCreated ?? DateTimeOffset.MaxValue).Select(m => m.Sid)];
    }

    private static string Code(TwilioApiException ex) =>
        ex.Code is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "http-" + ex.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The carrier throttled the SMS sender; retry after {RetryAfterSeconds} s")]
    private static partial void LogThrottled(ILogger logger, double? retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMS went to the carrier and no answer came back ({Error}); the carrier is asked before it is sent again")]
    private static partial void LogUnknown(ILogger logger, string error);
}
