using Ivr.Flows.Values;

namespace Ivr.Flows.Expressions;

/// <summary>
/// Recursive descent over the tokens. Precedence, loosest first: <c>||</c>/<c>or</c>, <c>&amp;&amp;</c>/<c>and</c>,
/// <c>!</c>/<c>not</c>, one comparison (<c>== != &lt; &lt;= &gt; &gt;= contains in</c>), values.
/// </summary>
internal sealed class ExpressionParser
{
    // Deep enough for any real condition; stops "((((((..." from exhausting the stack.
    private const int MaxDepth = 32;
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">=", "contains", "in"];
    private static readonly string[] Keywords = ["and", "or", "not", "contains", "in", "true", "false", "null"];

    private readonly List<ExpressionToken> _tokens;
    private int _position;
    private int _depth;

    private ExpressionParser(List<ExpressionToken> tokens)
    {
        _tokens = tokens;
    }

    private ExpressionToken Current => _tokens[_position];

    public static ExpressionNode Parse(string text)
    {
        var parser = new ExpressionParser(ExpressionLexer.Read(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionException(1, "the expression is empty.");
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new ExpressionException(parser.Current.Column, $"unexpected {parser.Current.Describe()} after a complete expression (a missing 'and'/'or'?).");
        }

        return node;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("||") || Current.Is("or"))
        {
            _position++;
            left = new LogicalNode(IsAnd: false, left, ParseAnd());
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseNot();
        while (Current.Is("&&") || Current.Is("and"))
        {
            _position++;
            left = new LogicalNode(IsAnd: true, left, ParseNot());
        }

        return left;
    }

    private ExpressionNode ParseNot()
    {
        if (!Current.Is("!") && !Current.Is("not"))
        {
            return ParseComparison();
        }

        Enter();
        _position++;
        var node = new NotNode(ParseNot());
        _depth--;
        return node;
    }

    private ExpressionNode ParseComparison()
    {
        var left = ParseValue();
        var op = Comparisons.FirstOrDefault(Current.Is);
        if (op is null)
        {
            return left;
        }

        _position++;
        var right = ParseValue();
        if (Comparisons.Any(Current.Is))
        {
            throw new ExpressionException(Current.Column, "comparisons do not chain; use 'and' between them.");
        }

        return new ComparisonNode(op, left, right);
    }

    private ExpressionNode ParseValue()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _position++;
                return new LiteralNode(FlowValue.From(token.Number));
            case TokenKind.Text:
                _position++;
                return new LiteralNode(FlowValue.From(token.Text));
            case TokenKind.Word:
                return ParseWord(token);
            case TokenKind.Symbol when token.Is("-") && _tokens[_position + 1].Kind == TokenKind.Number:
                _position += 2;
                return new LiteralNode(FlowValue.From(-_tokens[_position - 1].Number));
            case TokenKind.Symbol when token.Is("("):
                Enter();
                _position++;
                var inner = ParseOr();
                Expect(")");
                _depth--;
                return inner;
            case TokenKind.Symbol when token.Is("["):
                return ParseList();
            default:
                throw new ExpressionException(token.Column, $"expected a value (a name, a number, a quoted text, true, false, null or a list), found {token.Describe()}.");
        }
    }

    private ExpressionNode ParseWord(ExpressionToken token)
    {
        _position++;
        switch (token.Text)
        {
            case "true":
                return new LiteralNode(FlowValue.True);
            case "false":
                return new LiteralNode(FlowValue.False);
            case "null":
                return new LiteralNode(FlowValue.Null);
        }

        if (Keywords.Contains(token.Text, StringComparer.Ordinal))
        {
            throw new ExpressionException(token.Column, $"expected a value, found the keyword '{token.Text}'.");
        }

        if (!char.IsAsciiLetter(token.Text[0]))
        {
            throw new ExpressionException(token.Column, $"'{token.Text}' is not a name: names start with a letter.");
        }

        return new IdentifierNode(token.Text);
    }

    private LiteralNode ParseList()
    {
        _position++;
        var items = new List<string>();
        while (!Current.Is("]"))
        {
            if (Current.Kind == TokenKind.End)
            {
                throw new ExpressionException(Current.Column, "expected ']' to close the list.");
            }

            if (items.Count > 0)
            {
                Expect(",");
            }

            if (Current.Kind != TokenKind.Text)
            {
                throw new ExpressionException(Current.Column, $"a list holds quoted texts only, found {Current.Describe()}.");
            }

            items.Add(Current.Text);
            _position++;
        }

        _position++;
        return new LiteralNode(FlowValue.From(items));
    }

    private void Expect(string symbol)
    {
        if (!Current.Is(symbol))
        {
            throw new ExpressionException(Current.Column, $"expected '{symbol}', found {Current.Describe()}.");
        }

        _position++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ExpressionException(Current.Column, $"the expression nests deeper than {MaxDepth} levels.");
        }
    }
}
