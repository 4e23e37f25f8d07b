using CallCenter.Core.Callbacks;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Callbacks;

/// <summary>The carrier's webhook of a customer-first callback: the patient (or their machine) answered.</summary>
internal static class CallbackWebhookEndpoints
{
    private const string XmlContentType = "text/xml";

    /// <summary>Mapped inside the signed <c>/twilio</c> group.</summary>
    public static void MapCallbackWebhooks(this RouteGroupBuilder twilio)
    {
        twilio.MapPost("/callbacks/answer", AnswerAsync)
            .WithSummary("A customer-first callback answered: a machine ends the attempt; a person hears who calls and joins the line at the callback's place.");
    }

    private static async Task<IResult> AnswerAsync(
        HttpRequest request, CallbackAnswers answers, CancellationToken cancellationToken, Guid? callback = null, int? attempt = null)
    {
        if (callback is not { } id || attempt is not { } n)
        {
            return TypedResults.Content(new Twilio.Protocol.TwiML.VoiceResponse().Hangup().ToXml(), XmlContentType);
        }

        var form = TwilioForm.From(await request.ReadFormAsync(cancellationToken));
        return TypedResults.Content(await answers.AnswerAsync(form, id, n, cancellationToken), XmlContentType);
    }
}
