using Ivr.Flows.Languages;

namespace CallCenter.Core.Desk.Voice;

/// <summary>What the caller hears on the desk's voice path, in Mandarin or English (the caller's IVR language).</summary>
public static class DeskVoicePrompts
{
    public static (string Zh, string En) Goodbye => ("感谢您的来电，再见。", "Thank you for calling. Goodbye.");

    public static (string Zh, string En) Hold => ("请稍候，工作人员马上回来。", "Please hold, your agent will be right back.");

    public static (string Zh, string En) BackInLine =>
        ("抱歉，工作人员暂时无法接听。您的排队位置已保留，请稍候。", "Sorry, the agent could not take your call. You keep your place in line; please hold.");

    public static (string Zh, string En) Waiting => ("您的来电正在排队，请稍候。", "You are in line. Please hold.");

    public static (string Zh, string En) Transferring => ("正在为您转接，请稍候。", "Transferring your call. Please hold.");

    public static (string Zh, string En) TransferFailed => ("抱歉，转接未能接通，再见。", "Sorry, the transfer could not be connected. Goodbye.");

    public static (string Zh, string En) Voicemail =>
        ("抱歉，目前等待时间较长。请在提示音后留言，我们会尽快回复您。", "Sorry for the long wait. Please leave a message after the tone and we will get back to you.");

    public static (string Zh, string En) VoicemailThanks => ("您的留言已收到，再见。", "Thank you, your message was recorded. Goodbye.");

    public static (string Zh, string En) CallbackOffer =>
        ("如需保留排队位置并由我们回电，请按1；如需留言，请稍候。", "To keep your place in line and be called back, press 1. To leave a message, stay on the line.");

    public static (string Zh, string En) CallbackConfirmed => ("好的，我们会按您的排队顺序回电，再见。", "We will call you back in your turn. Goodbye.");

    public static (string Zh, string En) Apology =>
        ("抱歉，系统暂时无法处理您的来电，请稍后再拨。", "Sorry, we cannot take your call right now. Please call again later.");

    /// <summary>The language of a stored tag (an offer's, a queue entry's); Mandarin when unknown.</summary>
    public static IvrLanguage LanguageOf(string? tag) =>
        IvrLanguage.TryParse(tag, out var language, out _) ? language : IvrLanguage.ChineseMandarin;

    public static string In(this (string Zh, string En) prompt, IvrLanguage language) =>
        language == IvrLanguage.EnglishUs ? prompt.En : prompt.Zh;

    /// <summary>What the agent hears on answering: the queue and the caller's language, never who they are.</summary>
    public static string Whisper(string queue, IvrLanguage callerLanguage) =>
        $"Call from the {queue} queue. The caller speaks {(callerLanguage == IvrLanguage.EnglishUs ? "English" : "Mandarin")}.";
}
