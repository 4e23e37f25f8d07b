using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Notifications.Channels.Voice;

/// <summary>
/// The outbox's voice: one REST call create per attempt (no retry inside: the outbox owns retries and throttling),
/// answered by the hub's outbound-flow webhook with the row's id in its URL, progress reported to the hub's outbound
/// status webhook. The call's SID is the row's carrier id. The Calls list answers whether an attempt whose outcome is
/// unknown reached the carrier.
/// </summary>
internal sealed partial class VoiceNotificationChannel(
    TwilioRestClientFactory rest,
    IVoiceCallRepository calls,
    IOptions<VoiceChannelOptions> options,
    IOptions<SmsChannelOptions> sms,
    TimeProvider time,
    ILogger<VoiceNotificationChannel> logger) : INotificationChannel
{
    private const int PageSize = 50;
    private const int MaxPages = 10;
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(1);

    public string Name => Outbox.NotificationChannels.Voice;

    public (double PerSecond, int Burst) SendRate => (options.Value.CallsPerSecond, options.Value.Burst);

    private string? From => options.Value.From is { Length: > 0 } from ? from : sms.Value.From;

    public string SenderOf(ChannelMessage message) => From ?? string.Empty;

    public async Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (From is not { Length: > 0 } from)
        {
            return ChannelSendResult.Transient("no-caller-number-configured");
        }

        var id = Uri.EscapeDataString(message.NotificationId.ToString());
        try
        {
            var created = await rest.Create().CreateCallOnceAsync(
                new CreateCallRequest
                {
                    To = message.Recipient,
                    From = from,
                    Url = WithNotification(settings.Url, id),
                    StatusCallback = WithNotification(settings.StatusCallback, id),
                    StatusCallbackEvent = [CallProgressEvent.Initiated, CallProgressEvent.Ringing, CallProgressEvent.Answered, CallProgressEvent.Completed],
                    MachineDetection = settings.MachineDetection ? MachineDetection.Enable : null,
                    Timeout = settings.RingSeconds,
                },
                cancellationToken);
            await RecordAsync(created, message.NotificationId);
            return ChannelSendResult.Accepted(created.Sid);
        }
        catch (TwilioApiException ex) when (ex.HttpStatus == 429 || ex.Code == TwilioErrorCodes.TooManyRequests)
        {
            LogThrottled(logger, ex.RetryAfter?.TotalSeconds);
            return ChannelSendResult.Throttled(ex.RetryAfter);
        }
        catch (TwilioApiException ex) when (ex.IsPermanent || ex.HttpStatus is >= 400 and < 500)
        {
            return ChannelSendResult.Rejected(Code(ex));
        }
        catch (TwilioApiException ex)
        {
            return ChannelSendResult.Transient(Code(ex));
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
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
    /// Asks the carrier for the calls to this recipient from this number, newest first, without a start-time filter:
    /// a call Twilio still holds queued (outbound calls are paced) has no start time, and it is exactly the call an
    /// interrupted attempt leaves behind. A call created at or after the attempt's start (a minute of slack for the two
    /// clocks) is this row's, unless it is an earlier call of the row that ended unanswered and was followed by another
    /// attempt. Stops at the first page that reaches back before the attempt, and after <see cref="MaxPages"/> pages.
    /// </summary>
    public async Task<IReadOnlyList<string>?> FindAcceptedAsync(ChannelMessage message, DateTime attemptedSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var twilio = rest.Create();
        var since = new DateTimeOffset(DateTime.SpecifyKind(attemptedSince, DateTimeKind.Utc)).Add(-ClockSlack);
        var retried = await calls.RetriedCallsAsync(message.NotificationId, cancellationToken);
        var page = await twilio.ListCallsAsync(new CallListFilter { To = message.Recipient, From = From, PageSize = PageSize }, cancellationToken);
        var found = new List<CallResource>();
        for (var pages = 1; ; pages++)
        {
            found.AddRange(page.Calls.Where(c =>
                c.To == message.Recipient && !retried.Contains(c.Sid) && (c.DateCreated is not { } created || created >= since)));
            var reachedBack = page.Calls.Any(c => c.DateCreated is { } created && created < since);
            if (reachedBack || page.NextPageUri is not { } next || pages >= MaxPages)
            {
                break;
            }

            page = await twilio.ListCallsPageAsync(next, cancellationToken);
        }

        return [.. found.OrderBy(c => c.DateCreated ?? DateTimeOffset.MaxValue).Select(c => c.Sid)];
    }

    // The call is placed whatever happens here: a failure to note it is logged, and its status callbacks note it too.
    private async Task RecordAsync(CallResource created, Guid notificationId)
    {
        try
        {
            await calls.RecordAsync(created.Sid, notificationId, CallStatuses.Names.ToWire(created.Status ?? CallStatus.Queued), time.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotRecorded(logger, created.Sid, ex);
        }
    }

    private static string WithNotification(string path, string id) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notification=" + id;

    private static string Code(TwilioApiException ex) =>
        ex.Code is { } code ? code.ToString(CultureInfo.InvariantCulture) : "http-" + ex.HttpStatus.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder call {CallSid} was placed but could not be noted in voice_call")]
    private static partial void LogNotRecorded(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The carrier throttled the voice caller number; retry after {RetryAfterSeconds} s")]
    private static partial void LogThrottled(ILogger logger, double? retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder call went to the carrier and no answer came back ({Error}); the carrier is asked before it is placed again")]
    private static partial void LogUnknown(ILogger logger, string error);
}
