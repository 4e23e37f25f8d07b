using Ivr.Flows.Values;

namespace Ivr.Flows.Expressions;

/// <summary>
/// A condition or value written in a flow (<c>split</c> cases, <c>set</c> values), parsed once and evaluated per call.
/// <para>Grammar: numbers (<c>3</c>, <c>-1.5</c>), texts in single or double quotes (<c>'vip'</c>, backslash escapes
/// the quote), <c>true</c>, <c>false</c>, <c>null</c>, lists of texts (<c>['a', 'b']</c>), names (letters, digits,
/// <c>_</c>, dots and inner dashes: <c>patient.tags</c>, <c>queue.test-results.waiting</c>), parentheses, and the
/// operators, loosest first: <c>||</c> / <c>or</c>; <c>&amp;&amp;</c> / <c>and</c>; <c>!</c> / <c>not</c>; one comparison
/// <c>== != &lt; &lt;= &gt; &gt;= contains in</c>. So <c>not a == b</c> is <c>not (a == b)</c>.</para>
/// <para>Evaluation never throws. An unknown name is null. <c>==</c> is true only for values of the same kind that are
/// equal (texts and lists case-sensitively; <c>null == null</c>), so <c>'1' == 1</c> is false; <c>!=</c> is its
/// opposite. <c>&lt; &lt;= &gt; &gt;=</c> compare two numbers, or two texts ordinally (dates written yyyy-MM-dd order
/// correctly); any other pair is false. <c>a contains b</c>: list a holds text b, or text a holds text b
/// (case-sensitive); <c>b in a</c> is the same test. <c>!</c>, <c>and</c>, <c>or</c> read values as true or false: false,
/// null, 0, empty text and empty list are false, everything else true; <c>and</c>/<c>or</c> stop early.</para>
/// </summary>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    private Expression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
        Identifiers = [.. root.Identifiers().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The longest expression accepted; a condition longer than this is a mistake, not a need.</summary>
    public const int MaxLength = 2000;

    public string Text { get; }

    /// <summary>Every variable name the expression reads, once each, in the order written.</summary>
    public IReadOnlyList<string> Identifiers { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ExpressionException"/> with the column when it is not valid.</summary>
    public static Expression Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExpressionException(1, "the expression is empty.");
        }

        if (text.Length > MaxLength)
        {
            throw new ExpressionException(MaxLength + 1, $"the expression is longer than {MaxLength} characters.");
        }

        return new Expression(text, ExpressionParser.Parse(text));
    }

    /// <summary>Parses <paramref name="text"/>; false with the reason ("at column 12: expected ')'...") when it is not valid.</summary>
    public static bool TryParse(string? text, out Expression? expression, out string error)
    {
        try
        {
            expression = Parse(text);
            error = string.Empty;
            return true;
        }
        catch (ExpressionException ex)
        {
            expression = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The value of the expression, reading names through <paramref name="lookup"/>.</summary>
    public FlowValue Evaluate(Func<string, FlowValue> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return _root.Evaluate(lookup);
    }

    /// <summary>The expression read as a condition (see the truth rules above).</summary>
    public bool IsTrue(Func<string, FlowValue> lookup) => Evaluate(lookup).AsBoolean();

    public override string ToString() => Text;
}
