namespace Ivr.Flows.Expressions;

/// <summary>An expression that does not parse, with the 1-based column of the problem.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException()
    {
    }

    public ExpressionException(string message)
        : base(message)
    {
    }

    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExpressionException(int column, string reason)
        : base($"at column {column}: {reason}")
    {
        Column = column;
    }

    /// <summary>Where the problem is (1 = the first character).</summary>
    public int Column { get; }
}
