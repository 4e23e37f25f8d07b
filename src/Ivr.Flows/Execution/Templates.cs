using System.Text;
using Ivr.Flows.Values;

namespace Ivr.Flows.Execution;

/// <summary>
/// Fills <c>{variable.name}</c> holes in prompt text from the call's variables. An unknown variable reads as empty
/// (validation warns about names no step sets); <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
public static class Templates
{
    public static string Render(string text, IReadOnlyDictionary<string, FlowValue> variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf('{', StringComparison.Ordinal) < 0 && text.IndexOf('}', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                result.Append(c);
                i++;
                continue;
            }

            if (c == '{' && text.IndexOf('}', i + 1) is var close && close > i)
            {
                var name = text.AsSpan(i + 1, close - i - 1).Trim().ToString();
                if (variables.TryGetValue(name, out var value))
                {
                    result.Append(value.ToString());
                }

                i = close;
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>The variable names a text refers to, for validation.</summary>
    public static IEnumerable<string> Holes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i++;
                continue;
            }

            if (text[i] == '{' && text.IndexOf('}', i + 1) is var close && close > i)
            {
                yield return text[(i + 1)..close].Trim();
                i = close;
            }
        }
    }
}
