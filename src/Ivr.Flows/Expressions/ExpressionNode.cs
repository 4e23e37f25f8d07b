using Ivr.Flows.Values;

namespace Ivr.Flows.Expressions;

/// <summary>A node of a parsed expression. Evaluation never throws: see <see cref="Expression"/> for the rules.</summary>
internal abstract record ExpressionNode
{
    public abstract FlowValue Evaluate(Func<string, FlowValue> lookup);

    public virtual IEnumerable<string> Identifiers() => [];
}

internal sealed record LiteralNode(FlowValue Value) : ExpressionNode
{
    public override FlowValue Evaluate(Func<string, FlowValue> lookup) => Value;
}

internal sealed record IdentifierNode(string Name) : ExpressionNode
{
    public override FlowValue Evaluate(Func<string, FlowValue> lookup) => lookup(Name);

    public override IEnumerable<string> Identifiers() => [Name];
}

internal sealed record NotNode(ExpressionNode Operand) : ExpressionNode
{
    public override FlowValue Evaluate(Func<string, FlowValue> lookup) => FlowValue.From(!Operand.Evaluate(lookup).AsBoolean());

    public override IEnumerable<string> Identifiers() => Operand.Identifiers();
}

internal sealed record LogicalNode(bool IsAnd, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    // Short-circuits, so `caller.known && patient.tags contains 'vip'` reads patient.tags only for known callers.
    public override FlowValue Evaluate(Func<string, FlowValue> lookup)
    {
        var left = Left.Evaluate(lookup).AsBoolean();
        return FlowValue.From(IsAnd ? left && Right.Evaluate(lookup).AsBoolean() : left || Right.Evaluate(lookup).AsBoolean());
    }

    public override IEnumerable<string> Identifiers() => Left.Identifiers().Concat(Right.Identifiers());
}

internal sealed record ComparisonNode(string Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override FlowValue Evaluate(Func<string, FlowValue> lookup) =>
        FlowValue.From(Compare(Operator, Left.Evaluate(lookup), Right.Evaluate(lookup)));

    public override IEnumerable<string> Identifiers() => Left.Identifiers().Concat(Right.Identifiers());

    private static bool Compare(string op, FlowValue left, FlowValue right) => op switch
    {
        "==" => left.Equals(right),
        "!=" => !left.Equals(right),
        "<" => Order(left, right) is < 0,
        "<=" => Order(left, right) is <= 0,
        ">" => Order(left, right) is > 0,
        ">=" => Order(left, right) is >= 0,
        "contains" => Contains(left, right),
        "in" => Contains(right, left),
        _ => false,
    };

    // Numbers order numerically and texts ordinally (so '2026-11-23' < '2026-12-01'); any other pair has no order.
    private static int? Order(FlowValue left, FlowValue right) => (left.Kind, right.Kind) switch
    {
        (FlowValueKind.Number, FlowValueKind.Number) => left.AsNumber()!.Value.CompareTo(right.AsNumber()!.Value),
        (FlowValueKind.Text, FlowValueKind.Text) => string.CompareOrdinal(left.AsText(), right.AsText()),
        _ => null,
    };

    private static bool Contains(FlowValue container, FlowValue item) => (container.Kind, item.Kind) switch
    {
        (FlowValueKind.List, FlowValueKind.Text) => container.AsList().Contains(item.AsText()!, StringComparer.Ordinal),
        (FlowValueKind.Text, FlowValueKind.Text) => container.AsText()!.Contains(item.AsText()!, StringComparison.Ordinal),
        _ => false,
    };
}
