using System.Globalization;
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
        desk.MapPost("/connect", (HttpRequest request, [FromQuery] string? offer, [FromQuery] string? agent, [FromQuery] string? queue, [FromQuery] string? lang, [FromQuery] string? leg, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, form => Leg(offer, queue, lang, leg) is { } l && Guid.TryParse(agent, out var agentId)
                ? answers.ConnectAsync(form, l, agentId, ct) : null))
            .WithSummary("Dials the agent's endpoint for an accepted offer (?offer=&agent=&queue=&lang=&leg=).");
        desk.MapPost("/whisper", (HttpRequest request, [FromQuery] string? offer, [FromQuery] string? queue, [FromQuery] string? lang, [FromQuery] string? leg, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, _ => Leg(offer, queue, lang, leg) is { } l ? answers.WhisperAsync(l, ct) : null))
            .WithSummary("The agent answered: what they hear before the caller is put through.");
        desk.MapPost("/dial-ended", (HttpRequest request, [FromQuery] string? offer, [FromQuery] string? queue, [FromQuery] string? lang, [FromQuery] string? leg, DeskVoiceAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, form => Leg(offer, queue, lang, leg) is { } l ? answers.DialEndedAsync(form, l, ct) : null))
            .WithSummary("The Dial of the agent ended: goodbye, or back in line when the agent's phone did not answer.");
        desk.MapPost("/hold", (HttpRequest request, [FromQuery] string? offer, [FromQuery] string? lang, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, _ => Guid.TryParse(offer, out var id) ? answers.HoldAsync(id, Lang(lang), ct) : null))
            .WithSummary("The caller on hold: a message and music, again and again.");
        desk.MapPost("/hold-music", (HttpRequest request, [FromQuery] string? lang, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
            AnswerAsync(request, lang, logger, _ => Task.FromResult(twiml.HoldMusic(Lang(lang)))))
            .WithSummary("The waitUrl of a caller back in line.");
        desk.MapPost("/requeue", (HttpRequest request, [FromQuery] string? queue, [FromQuery] string? lang, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
            AnswerAsync(request, lang, logger, _ => queue is { Length: > 0 } q ? Task.FromResult(twiml.Requeue(q, Lang(lang), agentMissed: false)) : null))
            .WithSummary("Puts the caller back in a queue (routing kept their place).");
        desk.MapPost("/queue-left", (HttpRequest request, [FromQuery] string? queue, [FromQuery] string? lang, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger) =>
            AnswerAsync(request, lang, logger, form => queue is { Length: > 0 } q ? Task.FromResult(answers.QueueLeft(form, q, Lang(lang))) : null))
            .WithSummary("The Enqueue action of a caller the desk put back in line.");
        desk.MapPost("/transfer", (HttpRequest request, [FromQuery] string? offer, [FromQuery] string? lang, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, form => Guid.TryParse(offer, out var id) ? answers.TransferAsync(form, id, Lang(lang), ct) : null))
            .WithSummary("Dials the outside number an agent transferred the caller to.");
        desk.MapPost("/transfer-ended", (HttpRequest request, [FromQuery] string? offer, [FromQuery] string? lang, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, form => Guid.TryParse(offer, out var id) ? answers.TransferEndedAsync(form, id, Lang(lang), ct) : null))
            .WithSummary("The transferred call ended.");
        MapOverflow(desk);
    }

    private static void MapOverflow(RouteGroupBuilder desk)
    {
        desk.MapPost("/voicemail", (HttpRequest request, [FromQuery] string? queue, [FromQuery] string? lang, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
            AnswerAsync(request, lang, logger, _ => queue is { Length: > 0 } q ? Task.FromResult(twiml.Voicemail(q, Lang(lang))) : null))
            .WithSummary("Overflow: the caller leaves a voicemail.");
        desk.MapPost("/voicemail/recorded", (HttpRequest request, [FromQuery] string? queue, [FromQuery] string? lang, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, form => queue is { Length: > 0 } q ? answers.RecordedAsync(form, q, Lang(lang), ct) : null))
            .WithSummary("Overflow: the voicemail was recorded; stored as a follow-up.");
        desk.MapPost("/callback-offer", (HttpRequest request, [FromQuery] string? queue, [FromQuery] string? lang, DeskVoiceTwiml twiml, ILogger<DeskVoiceAnswers> logger) =>
            AnswerAsync(request, lang, logger, _ => queue is { Length: > 0 } q ? Task.FromResult(twiml.CallbackOffer(q, Lang(lang))) : null))
            .WithSummary("Overflow: press 1 to be called back keeping your place, or leave a voicemail.");
        desk.MapPost("/callback-offer/choice", (HttpRequest request, [FromQuery] string? queue, [FromQuery] string? lang, DeskVoiceCallerAnswers answers, ILogger<DeskVoiceAnswers> logger, CancellationToken ct) =>
            AnswerAsync(request, lang, logger, form => queue is { Length: > 0 } q ? answers.CallbackChoiceAsync(form, q, Lang(lang), ct) : null))
            .WithSummary("Overflow: the caller's choice of a callback.");
    }

    private static DeskLeg? Leg(string? offer, string? queue, string? lang, string? leg) =>
        Guid.TryParse(offer, out var offerId) && queue is { Length: > 0 }
        && int.TryParse(leg, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? new DeskLeg(offerId, queue, Lang(lang), number)
            : null;

    private static string Lang(string? lang) => DeskVoiceTwiml.Language(lang).Tag;

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
