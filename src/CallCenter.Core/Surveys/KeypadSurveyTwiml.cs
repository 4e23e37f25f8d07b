using CallCenter.Core.Desk.Voice;
using Ivr.Flows.Languages;
using Twilio.Protocol.TwiML;

namespace CallCenter.Core.Surveys;

/// <summary>
/// What the caller hears in a keypad survey, in their language with its voice: a short announcement, then one Gather
/// per question (one key for CSAT and yes/no; NPS up to two keys, or one and the pound key), thanks and goodbye.
/// </summary>
public sealed class KeypadSurveyTwiml(KeypadSurveyLinks links)
{
    // Long enough to think about a score, short enough that silence does not feel like a dropped call.
    private const int GatherTimeoutSeconds = 8;

    public static (string Zh, string En) Announcement =>
        ("感谢您的来电。请留在线上，用电话按键完成一个简短的满意度调查。", "Thank you for calling. Please stay on the line for a short survey; answer with your keypad.");

    public static (string Zh, string En) NotUnderstood => ("抱歉，未能识别您的按键。", "Sorry, we did not get that.");

    public static (string Zh, string En) Thanks => ("感谢您的评价，再见。", "Thank you for your feedback. Goodbye.");

    /// <summary>How to answer a question with the keypad.</summary>
    public static (string Zh, string En) Hint(string type) => type switch
    {
        SurveyQuestionTypes.Csat => ("请按1到5，5为非常满意。", "Press 1 to 5, where 5 is very satisfied."),
        SurveyQuestionTypes.Nps => ("请按0到10，然后按井号键。", "Press 0 to 10, then the pound key."),
        SurveyQuestionTypes.YesNo => ("是请按1，否请按2。", "Press 1 for yes, 2 for no."),
        _ => (string.Empty, string.Empty),
    };

    /// <summary>The question at <paramref name="index"/>, after the announcement (the first) or after a bad answer (a second try).</summary>
    public string Ask(SurveyInvitation invitation, SurveyQuestion question, int index, int attempt, bool announce)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(question);
        var language = DeskVoicePrompts.LanguageOf(invitation.Language);
        var response = new VoiceResponse();
        if (announce)
        {
            Say(response, Announcement.In(language), language);
        }

        if (attempt > 0)
        {
            Say(response, NotUnderstood.In(language), language);
        }

        var nps = question.Type == SurveyQuestionTypes.Nps;
        var gather = new Gather
        {
            Input = GatherInput.Dtmf,
            NumDigits = nps ? 2 : 1,
            FinishOnKey = nps ? "#" : null,
            Timeout = GatherTimeoutSeconds,
            Action = links.Answer(invitation.Id, index, attempt, language.Tag),
            ActionOnEmptyResult = true,
        };
        var text = question.TextIn(language.Tag) + (language == IvrLanguage.EnglishUs ? " " : string.Empty) + Hint(question.Type).In(language);
        gather.Say(text, language.DefaultVoice, language.SayLanguage);
        return response.Gather(gather).ToXml();
    }

    public static string ThankAndHangUp(string language) => DeskVoiceTwiml.SayAndHangUp(Thanks, language);

    public static string Goodbye(string language) => DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Goodbye, language);

    private static VoiceResponse Say(VoiceResponse response, string text, IvrLanguage language) =>
        response.Say(text, language.DefaultVoice, language.SayLanguage);
}
