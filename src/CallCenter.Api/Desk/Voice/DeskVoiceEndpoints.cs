using CallCenter.Api.Telephony;
using CallCenter.Core.Desk.Voice;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Desk.Voice;

/// <summary>
/// The TwiML the desk's voice path serves. Mapped inside the Twilio route group (signature filter over the full
/// URL, query string included, and the rate limit). Always TwiML: a fault or a garbled URL gets an apology.
/// </summary>
internal static partial class DeskVoiceEndpoints
{
    public static void MapDeskVoiceWebhooks(this RouteGroupBuilder twilio)
    {
        var desk = twilio.MapGroup("/voice/desk");
        desk.MapPost("/connect", Connect).WithSummary("Dials the agent's endpoint for an accepted offer (?offer=&agent=&queue=&lang=&leg=).");
        desk.MapPost("/whisper", Whisper).WithSummary("The agent answered: what they hear before the caller is put through.");
        desk.MapPost("/dial-ended", DialEnded).WithSummary("The Dial of the agent ended: goodbye, or back in line when the agent's phone did not answer.");
        desk.MapPost("/agent-hung-up", AgentHungUp).WithSummary("The agent hung up from the desk: a keypad survey where the queue has one, else goodbye.");
        desk.MapPost("/hold", Hold).WithSummary("The caller on hold: a message and music, again and again.");
        desk.MapPost("/hold-music", HoldMusic).WithSummary("The waitUrl of a caller back in line.");
        desk.MapPost("/requeue", Requeue).WithSummary("Puts the caller back in a queue (routing kept their place).");
        desk.MapPost("/queue-left", QueueLeft).WithSummary("The Enqueue action of a caller the desk put back in line.");
        desk.MapPost("/transfer", Transfer).WithSummary("Dials the outside number an agent transferred the caller to.");
        desk.MapPost("/transfer-ended", TransferEnded).WithSummary("The transferred call ended.");
        desk.MapPost("/voicemail", Voicemail).WithSummary("Overflow: the caller leaves a voicemail.");
        desk.MapPost("/voicemail/recorded", VoicemailRecorded).WithSummary("Overflow: the voicemail was recorded; stored as a follow-up.");
        desk.MapPost("/callback-offer", CallbackOffer).WithSummary("Overflow: press 1 to be called back keeping your place, or leave a voicemail.");
        desk.MapPost("/callback-offer/choice", CallbackChoice).WithSummary("Overflow: the caller's choice of a callback.");
    }

    // The agent's leg of a call: these URLs carry the offer, the queue, the caller's language and the leg number.
    private static Task<ContentHttpResult> Connect(HttpRequest request, [AsParameters] DeskVoiceQuery query, [FromQuery] string? agent, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, form => query.Leg() is { } leg && Guid.TryParse(agent, out var agentId) ? answers.ConnectAsync(form, leg, agentId, ct) : null);

    private static Task<ContentHttpResult> Whisper(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, _ => query.Leg() is { } leg ? answers.WhisperAsync(leg, ct) : null);

    private static Task<ContentHttpResult> DialEnded(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, form => query.Leg() is { } leg ? answers.DialEndedAsync(form, leg, ct) : null);

    private static Task<ContentHttpResult> AgentHungUp(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, _ => query.Leg() is { } leg ? answers.AgentHungUpAsync(leg, ct) : null);

    // The caller's side: on hold, back in line, transferred out.
    private static Task<ContentHttpResult> Hold(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, _ => query.OfferId() is { } id ? answers.HoldAsync(id, query.Language, ct) : null);

    private static Task<ContentHttpResult> HoldMusic(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
        AnswerAsync(request, query.Lang, logger, _ => Task.FromResult(twiml.HoldMusic(query.Language)));

    private static Task<ContentHttpResult> Requeue(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
        AnswerAsync(request, query.Lang, logger, _ => query.QueueName() is { } queue ? Task.FromResult(twiml.Requeue(queue, query.Language, agentMissed: false)) : null);

    private static Task<ContentHttpResult> QueueLeft(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger) =>
        AnswerAsync(request, query.Lang, logger, form => query.QueueName() is { } queue ? Task.FromResult(answers.QueueLeft(form, queue, query.Language)) : null);

    private static Task<ContentHttpResult> Transfer(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, form => query.OfferId() is { } id ? answers.TransferAsync(form, id, query.Language, ct) : null);

    private static Task<ContentHttpResult> TransferEnded(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, form => query.OfferId() is { } id ? answers.TransferEndedAsync(form, id, query.Language, ct) : null);

    // Overflow past a queue's maximum wait: voicemail, or a callback that keeps the caller's place.
    private static Task<ContentHttpResult> Voicemail(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
        AnswerAsync(request, query.Lang, logger, _ => query.QueueName() is { } queue ? Task.FromResult(twiml.Voicemail(queue, query.Language)) : null);

    private static Task<ContentHttpResult> VoicemailRecorded(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, form => query.QueueName() is { } queue ? answers.RecordedAsync(form, queue, query.Language, ct) : null);

    private static Task<ContentHttpResult> CallbackOffer(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
        AnswerAsync(request, query.Lang, logger, _ => query.QueueName() is { } queue ? Task.FromResult(twiml.CallbackOffer(queue, query.Language)) : null);

    private static Task<ContentHttpResult> CallbackChoice(HttpRequest request, [AsParameters] DeskVoiceQuery query, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
        AnswerAsync(request, query.Lang, logger, form => query.QueueName() is { } queue ? answers.CallbackChoiceAsync(form, queue, query.Language, ct) : null);

    // answer returns null when the URL is not one the hub made: an apology, not a 400 the caller would hear as a fault.
    private static async Task<ContentHttpResult> AnswerAsync(HttpRequest request, string? lang, ILogger logger, Func<TwilioForm, Task<string>?> answer)
    {
        try
        {
            var form = request.HasFormContentType
                ? TwilioForm.From(await request.ReadFormAsync(request.HttpContext.RequestAborted))
                : TwilioForm.From(Array.Empty<KeyValuePair<string, string>>());
            if (string.IsNullOrEmpty(form["CallSid"]) || answer(form) is not { } answering)
            {
                LogRefused(logger, request.Path.Value ?? string.Empty);
                return TwilioWebhookEndpoints.Xml(DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Apology, lang));
            }

            return TwilioWebhookEndpoints.Xml(await answering);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, request.Path.Value ?? string.Empty, ex);
            return TwilioWebhookEndpoints.Xml(DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Apology, lang));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk voice webhook {Path} without a call or with a query the hub did not make; answering with an apology")]
    private static partial void LogRefused(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Desk voice webhook {Path} failed; answering with an apology")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
