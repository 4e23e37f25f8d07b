using System.Globalization;
using CallCenter.Api.Telephony;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Surveys;

/// <summary>
/// The Gather action of a keypad survey. Mapped inside the Twilio route group (signature over the full URL, query
/// included, and the rate limit). Always TwiML: a fault or a URL the hub did not make gets a goodbye.
/// </summary>
internal static partial class KeypadSurveyEndpoints
{
    public static void MapKeypadSurveyWebhooks(this RouteGroupBuilder twilio)
    {
        twilio.MapPost("/voice/survey/answer", AnswerAsync)
            .WithSummary("A keypad survey question answered (?invitation=&q=&try=&lang=): the next question, a second try, or thanks.");
    }

    private static async Task<ContentHttpResult> AnswerAsync(
        HttpRequest request,
        [FromQuery(Name = "invitation")] string? invitation,
        [FromQuery(Name = "q")] string? question,
        [FromQuery(Name = "try")] string? attempt,
        [FromQuery(Name = "lang")] string? lang,
        KeypadSurveys surveys,
        ILogger<KeypadSurveys> logger,
        CancellationToken ct)
    {
        var language = DeskVoiceTwiml.Language(lang).Tag;
        try
        {
            var form = request.HasFormContentType
                ? TwilioForm.From(await request.ReadFormAsync(ct))
                : TwilioForm.From(Array.Empty<KeyValuePair<string, string>>());
            if (form["CallSid"] is not { Length: > 0 } callSid
                || !Guid.TryParse(invitation, out var invitationId)
                || !int.TryParse(question, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || !int.TryParse(attempt, NumberStyles.None, CultureInfo.InvariantCulture, out var tries))
            {
                LogRefused(logger, request.Path.Value ?? string.Empty);
                return TwilioWebhookEndpoints.Xml(KeypadSurveyTwiml.Goodbye(language));
            }

            return TwilioWebhookEndpoints.Xml(await surveys.AnswerAsync(invitationId, index, tries, callSid, form["Digits"], language, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, request.Path.Value ?? string.Empty, ex);
            return TwilioWebhookEndpoints.Xml(KeypadSurveyTwiml.Goodbye(language));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keypad survey webhook {Path} without a call or with a query the hub did not make; answering goodbye")]
    private static partial void LogRefused(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Keypad survey webhook {Path} failed; answering goodbye")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
