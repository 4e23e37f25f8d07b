namespace Ivr.Flows.Expressions;

internal enum TokenKind
{
    Number,
    Text,
    Word,
    Symbol,
    End,
}

/// <summary>One token of an expression and the 1-based column it starts at.</summary>
internal readonly record struct ExpressionToken(TokenKind Kind, string Text, int Column, decimal Number = 0)
{
    public bool Is(string symbol) =>
        Kind is TokenKind.Symbol or TokenKind.Word && string.Equals(Text, symbol, StringComparison.Ordinal);

    public string Describe() => Kind == TokenKind.End ? "the end" : $"'{Text}'";
}
