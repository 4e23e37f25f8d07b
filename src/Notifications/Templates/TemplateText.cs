using System.Text;
using System.Text.RegularExpressions;

namespace Notifications.Templates;

/// <summary>
/// Template text with <c>{{variable}}</c> holes (letters and digits, starting with a letter). Single braces are
/// text; an unclosed or malformed hole is an error, never sent as it stands.
/// </summary>
public static partial class TemplateText
{
    /// <summary>The names of the holes, in order of first use.</summary>
    public static IReadOnlyList<string> Variables(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Hole().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Null when every <c>{{</c> opens a well-formed hole, else the reason.</summary>
    public static string? Malformed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutHoles = Hole().Replace(text, string.Empty);
        return withoutHoles.Contains("{{", StringComparison.Ordinal) || withoutHoles.Contains("}}", StringComparison.Ordinal)
            ? "has a '{{' or '}}' that is not a {{variable}} (letters and digits, starting with a letter)"
            : null;
    }

    /// <summary>Fills the holes; a hole without a value throws, naming it.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Hole().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new ArgumentException($"No value for the template variable '{m.Groups["name"].Value}'.", nameof(values)));
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*\}\}")]
    private static partial Regex Hole();
}
