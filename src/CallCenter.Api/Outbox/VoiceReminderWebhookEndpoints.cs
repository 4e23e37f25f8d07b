using CallCenter.Api.Telephony;
using CallCenter.Core.Ivr;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Notifications.Channels.Voice;
using Twilio.Protocol.TwiML;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Outbox;

/// <summary>
/// The webhooks of the outbox's reminder calls (<c>?notification=</c> names the outbox row). Mapped inside the Twilio
/// route group, so the signature filter (over the full URL, query string included) and the rate limit apply. The
/// answer URL always answers TwiML: a fault gets an apology and a hang-up.
/// </summary>
internal static partial class VoiceReminderWebhookEndpoints
{
    public static void MapVoiceReminderWebhooks(this RouteGroupBuilder twilio)
    {
        twilio.MapPost("/voice/outbound", AnswerAsync)
            .WithSummary("Twilio Url of an outbox reminder call (?notification=): plays the reminder flow, answers TwiML.");
        twilio.MapPost("/voice/outbound/status", StatusAsync)
            .WithSummary("Status callback of an outbox reminder call (?notification=): moves the row forward only; no-answer and busy call again.");
    }

    private static async Task<ContentHttpResult> AnswerAsync(
        HttpRequest request, [FromQuery] Guid? notification, IVoiceReminderCalls calls, ILogger<IVoiceReminderCalls> logger, CancellationToken cancellationToken)
    {
        try
        {
            var form = await FormAsync(request, cancellationToken);
            if (notification is not { } id || form["CallSid"] is not { Length: > 0 } callSid)
            {
                LogRefused(logger, "no notification or CallSid");
                return TwilioWebhookEndpoints.Xml(FlowApology.Voice());
            }

            return TwilioWebhookEndpoints.Xml(await calls.AnswerAsync(id, callSid, form["From"] ?? string.Empty, form["To"] ?? string.Empty, form["AnsweredBy"], cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return TwilioWebhookEndpoints.Xml(FlowApology.Voice());
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> StatusAsync(
        HttpRequest request, [FromQuery] Guid? notification, IVoiceReminderCalls calls, ILogger<IVoiceReminderCalls> logger, CancellationToken cancellationToken)
    {
        var form = await FormAsync(request, cancellationToken);
        var parsed = CallStatusCallback.Parse(form);
        if (notification is not { } id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["notification"] = ["is required: the outbox row the call was placed for"] });
        }

        if (parsed.Value is not { } callback)
        {
            LogRefused(logger, "invalid fields: " + string.Join(", ", parsed.Errors.Select(e => e.Field)));
            return TypedResults.ValidationProblem(parsed.Errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal));
        }

        await calls.StatusAsync(id, callback, form["AnsweredBy"], cancellationToken);
        LogStatus(logger, callback.CallSid, CallStatuses.Names.ToWire(callback.CallStatus));
        return TwilioWebhookEndpoints.Xml(new VoiceResponse().ToXml());
    }

    // The signature filter has already read the form; this is the buffered copy.
    private static async Task<TwilioForm> FormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? TwilioForm.From(await request.ReadFormAsync(cancellationToken)) : TwilioForm.From(Array.Empty<KeyValuePair<string, string>>());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder call webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder call webhook failed; answering with an apology")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder call {CallSid} status {CallStatus}")]
    private static partial void LogStatus(ILogger logger, string callSid, string callStatus);
}
