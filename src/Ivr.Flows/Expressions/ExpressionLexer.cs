using System.Globalization;
using System.Text;

namespace Ivr.Flows.Expressions;

/// <summary>Splits an expression into tokens; reports bad characters and unterminated strings with their column.</summary>
internal static class ExpressionLexer
{
    private static readonly string[] Symbols = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "(", ")", "[", "]", ",", "-"];

    public static List<ExpressionToken> Read(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadText(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(new ExpressionToken(TokenKind.Word, ReadWord(text, ref i), column));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol)
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, symbol, column));
                i += symbol.Length;
            }
            else
            {
                throw new ExpressionException(column, c == '='
                    ? "'=' is not an operator; compare with '=='."
                    : $"unexpected character '{c}'.");
            }
        }

        tokens.Add(new ExpressionToken(TokenKind.End, string.Empty, text.Length + 1));
        return tokens;
    }

    private static ExpressionToken ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw new ExpressionException(i + 1, $"unexpected '{text[i]}' after the number.");
        }

        var digits = text[start..i];
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw new ExpressionException(start + 1, $"'{digits}' is not a number.");
        }

        return new ExpressionToken(TokenKind.Number, digits, start + 1, number);
    }

    private static ExpressionToken ReadText(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            // A backslash escapes the quote or another backslash; anything else is kept as written.
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\'))
            {
                i++;
            }

            value.Append(text[i]);
            i++;
        }

        if (i >= text.Length)
        {
            throw new ExpressionException(start + 1, $"the text starting here has no closing {quote}.");
        }

        i++;
        return new ExpressionToken(TokenKind.Text, value.ToString(), start + 1);
    }

    // Names are dotted (patient.tags); a '-' between letters or digits is kept so queue names like
    // queue.test-results.waiting read as one name (there is no subtraction to confuse it with).
    private static string ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            var inside = char.IsAsciiLetterOrDigit(c) || c == '_'
                || (c is '.' or '-' && i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '_'));
            if (!inside)
            {
                break;
            }

            i++;
        }

        return text[start..i];
    }
}
