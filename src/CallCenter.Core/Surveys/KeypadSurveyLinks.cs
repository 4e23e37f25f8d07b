using System.Globalization;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;

namespace CallCenter.Core.Surveys;

/// <summary>
/// The Gather action of a keypad survey: the invitation, the question asked, whether it is the second try, and the
/// caller's language travel in the query string, which Twilio's signature covers.
/// </summary>
public sealed class KeypadSurveyLinks(IOptions<TwilioOptions> twilio)
{
    public const string AnswerPath = "/twilio/voice/survey/answer";

    public string Answer(Guid invitationId, int questionIndex, int attempt, string language) =>
        WebhookUrl.Combine(
            twilio.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not set."),
            AnswerPath + "?invitation=" + invitationId.ToString("D")
                + "&q=" + questionIndex.ToString(CultureInfo.InvariantCulture)
                + "&try=" + attempt.ToString(CultureInfo.InvariantCulture)
                + "&lang=" + Uri.EscapeDataString(language));
}
