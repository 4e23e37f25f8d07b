namespace Ivr.Flows.Model;

/// <summary>
/// One prompt in every language the flow speaks, keyed by language tag (<c>{"zh-CN": "您好", "en-US": "Hello"}</c>).
/// Texts may name variables in braces (<c>{patient.givenName}</c>); see <see cref="Execution.Templates"/>.
/// </summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The text in <paramref name="language"/>, else in <paramref name="fallbackLanguage"/>, else any.</summary>
    public string For(string language, string fallbackLanguage) =>
        TryGetValue(language, out var text) ? text
        : TryGetValue(fallbackLanguage, out var fallback) ? fallback
        : Values.FirstOrDefault() ?? string.Empty;
}
