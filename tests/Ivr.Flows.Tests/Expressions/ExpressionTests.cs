using Ivr.Flows.Expressions;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Expressions;

public sealed class ExpressionTests
{
    private static readonly Dictionary<string, FlowValue> Variables = new(StringComparer.Ordinal)
    {
        ["caller.known"] = FlowValue.True,
        ["patient.tags"] = FlowValue.From(["vip", "cardiology"]),
        ["patient.name"] = FlowValue.From("Wang Fang"),
        ["count"] = FlowValue.From(3),
        ["pin"] = FlowValue.From("1234"),
        ["empty"] = FlowValue.From(string.Empty),
        ["today"] = FlowValue.From("2026-11-23"),
        ["queue.test-results.waiting"] = FlowValue.From(2),
    };

    private static FlowValue Eval(string text) => Expression.Parse(text).Evaluate(name => Variables.GetValueOrDefault(name));

    [Theory]
    [InlineData("caller.known")]
    [InlineData("patient.tags contains 'vip'")]
    [InlineData("'cardiology' in patient.tags")]
    [InlineData("patient.name contains \"Fang\"")]
    [InlineData("'ang' in patient.name")]
    [InlineData("count == 3")]
    [InlineData("count >= 3 && count < 4")]
    [InlineData("count > 2.5 and count <= 3")]
    [InlineData("count != 4")]
    [InlineData("pin == '1234'")]
    [InlineData("today < '2026-12-01'")]
    [InlineData("unknown.name == null")]
    [InlineData("!unknown.name")]
    [InlineData("not empty")]
    [InlineData("not count == 4")]
    [InlineData("count == 4 || caller.known")]
    [InlineData("count == 4 or (caller.known and patient.tags contains 'vip')")]
    [InlineData("count > -1")]
    [InlineData("['a', 'b'] contains 'b'")]
    [InlineData("'it\\'s' == \"it's\"")]
    [InlineData("queue.test-results.waiting == 2")]
    [InlineData("null == null")]
    public void Evaluate_TrueConditions_AreTrue(string text) => Assert.True(Eval(text).AsBoolean(), text);

    [Theory]
    [InlineData("pin == 1234")]
    [InlineData("count == '3'")]
    [InlineData("count < 'z'")]
    [InlineData("caller.known > 0")]
    [InlineData("patient.tags contains 'VIP'")]
    [InlineData("patient.name contains 'fang'")]
    [InlineData("unknown.name contains 'x'")]
    [InlineData("'x' in unknown.name")]
    [InlineData("count contains 3")]
    [InlineData("unknown.name < 1")]
    [InlineData("unknown.name == false")]
    [InlineData("empty")]
    [InlineData("[]")]
    [InlineData("0")]
    [InlineData("caller.known && count == 4")]
    public void Evaluate_FalseOrMismatchedConditions_AreFalse(string text) => Assert.False(Eval(text).AsBoolean(), text);

    [Fact]
    public void Evaluate_Values_KeepTheirKind()
    {
        Assert.Equal(FlowValue.From(12.5m), Eval("12.5"));
        Assert.Equal(FlowValue.From("vip"), Eval("'vip'"));
        Assert.Equal(FlowValue.From(["a", "b"]), Eval("['a','b']"));
        Assert.Equal(FlowValue.From(["vip", "cardiology"]), Eval("patient.tags"));
        Assert.Equal(FlowValue.Null, Eval("null"));
        Assert.Equal(FlowValue.True, Eval("count == 3"));
    }

    [Fact]
    public void Evaluate_AndOr_StopEarly()
    {
        var read = new List<string>();
        var expression = Expression.Parse("a || b && c");

        expression.Evaluate(name =>
        {
            read.Add(name);
            return FlowValue.True;
        });

        Assert.Equal(["a"], read);
    }

    [Fact]
    public void Identifiers_ListsEachNameOnceInOrder()
    {
        var expression = Expression.Parse("caller.known && (patient.tags contains 'vip' || caller.known) && queue.complaints.estimatedWait > time.hhmm");

        Assert.Equal(["caller.known", "patient.tags", "queue.complaints.estimatedWait", "time.hhmm"], expression.Identifiers);
    }

    [Theory]
    [InlineData("(count == 3", 12, "expected ')'")]
    [InlineData("count = 3", 7, "'=='")]
    [InlineData("count ==", 9, "expected a value")]
    [InlineData("count == 3 caller.known", 12, "after a complete expression")]
    [InlineData("'open", 1, "no closing '")]
    [InlineData("count == 3 == 3", 12, "do not chain")]
    [InlineData("a && and", 6, "keyword 'and'")]
    [InlineData("['a', 1]", 7, "quoted texts only")]
    [InlineData("['a'", 5, "expected ']'")]
    [InlineData("count # 3", 7, "unexpected character '#'")]
    [InlineData("3abc", 2, "after the number")]
    [InlineData("_x", 1, "names start with a letter")]
    [InlineData("   ", 1, "empty")]
    [InlineData(")", 1, "expected a value")]
    public void Parse_Invalid_ReportsColumnAndReason(string text, int column, string reason)
    {
        Assert.False(Expression.TryParse(text, out var expression, out var error));

        Assert.Null(expression);
        Assert.StartsWith($"at column {column}: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefusedNotAStackOverflow()
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(new string('(', 500) + "1" + new string(')', 500)));

        Assert.Contains("nests deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRefused() =>
        Assert.Throws<ExpressionException>(() => Expression.Parse(string.Join(" || ", Enumerable.Repeat("caller.known", 500))));

    [Theory]
    [InlineData("!!!!")]
    [InlineData("[[[")]
    [InlineData("\"\\")]
    [InlineData("a.")]
    [InlineData("1..2")]
    [InlineData("-")]
    [InlineData("- a")]
    [InlineData("a in in b")]
    [InlineData("\u0000")]
    [InlineData("患者")]
    public void Parse_Garbage_FailsWithExpressionExceptionOnly(string text) =>
        Assert.Throws<ExpressionException>(() => Expression.Parse(text));
}
