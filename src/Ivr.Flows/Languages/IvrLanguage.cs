namespace Ivr.Flows.Languages;

/// <summary>
/// A language the IVR speaks and listens in, with the codes Twilio wants for each: they differ between
/// &lt;Say&gt; and &lt;Gather&gt; speech recognition (Gather has no zh-CN; Mandarin there is cmn-Hans-CN).
/// </summary>
public sealed record IvrLanguage
{
    private IvrLanguage(string tag, string sayLanguage, string gatherSpeechLanguage, string defaultVoice)
    {
        Tag = tag;
        SayLanguage = sayLanguage;
        GatherSpeechLanguage = gatherSpeechLanguage;
        DefaultVoice = defaultVoice;
    }

    /// <summary>Mandarin Chinese (simplified), the hub's default.</summary>
    // "alice" is the voice Twilio documents with Say language zh-CN; Polly's Mandarin voice expects cmn-CN.
    public static IvrLanguage ChineseMandarin { get; } = new("zh-CN", "zh-CN", "cmn-Hans-CN", "alice");

    /// <summary>American English.</summary>
    public static IvrLanguage EnglishUs { get; } = new("en-US", "en-US", "en-US", "Polly.Joanna");

    public static IReadOnlyList<IvrLanguage> All { get; } = [ChineseMandarin, EnglishUs];

    /// <summary>The hub's culture tag for this language (zh-CN, en-US): what patients and settings store.</summary>
    public string Tag { get; }

    /// <summary>The <c>language</c> attribute of TwiML &lt;Say&gt;.</summary>
    public string SayLanguage { get; }

    /// <summary>The <c>language</c> attribute of TwiML &lt;Gather input="speech"&gt;.</summary>
    public string GatherSpeechLanguage { get; }

    /// <summary>The <c>voice</c> attribute of &lt;Say&gt; when a flow does not choose one.</summary>
    public string DefaultVoice { get; }

    public override string ToString() => Tag;

    /// <summary>
    /// Reads a culture tag, case-insensitively, with <c>-</c> or <c>_</c>: zh, zh-CN, zh-Hans, zh-Hans-CN,
    /// cmn-Hans-CN for Mandarin; en, en-US for English. False with the reason for anything else.
    /// </summary>
    public static bool TryParse(string? tag, out IvrLanguage language, out string error)
    {
        language = ChineseMandarin;
        var normalized = tag?.Trim().Replace('_', '-').ToUpperInvariant();
        IvrLanguage? found = normalized switch
        {
            "ZH" or "ZH-CN" or "ZH-HANS" or "ZH-HANS-CN" or "CMN" or "CMN-CN" or "CMN-HANS-CN" => ChineseMandarin,
            "EN" or "EN-US" => EnglishUs,
            _ => null,
        };

        if (found is null)
        {
            error = string.IsNullOrWhiteSpace(tag)
                ? $"No IVR language given; use one of {Supported}."
                : $"The IVR does not speak '{tag}'; use one of {Supported}.";
            return false;
        }

        language = found;
        error = string.Empty;
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws <see cref="ArgumentException"/> with the reason.</summary>
    public static IvrLanguage Parse(string? tag) =>
        TryParse(tag, out var language, out var error) ? language : throw new ArgumentException(error, nameof(tag));

    private static string Supported => string.Join(", ", All.Select(l => l.Tag));
}
