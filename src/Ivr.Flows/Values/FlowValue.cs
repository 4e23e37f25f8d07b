using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Ivr.Flows.Values;

/// <summary>
/// A flow variable's value: null, a boolean, a number, a text or a list of texts. Small on purpose: it is what
/// expressions compare, what prompts interpolate and what the call's state stores as JSON.
/// </summary>
[JsonConverter(typeof(FlowValueJsonConverter))]
public readonly record struct FlowValue
{
    private readonly bool _boolean;
    private readonly decimal _number;
    private readonly string? _text;
    private readonly ImmutableArray<string> _list;

    private FlowValue(FlowValueKind kind, bool boolean = false, decimal number = 0, string? text = null, ImmutableArray<string> list = default)
    {
        Kind = kind;
        _boolean = boolean;
        _number = number;
        _text = text;
        _list = list;
    }

    public static FlowValue Null { get; }

    public static FlowValue True { get; } = new(FlowValueKind.Boolean, boolean: true);

    public static FlowValue False { get; } = new(FlowValueKind.Boolean, boolean: false);

    public FlowValueKind Kind { get; }

    public bool IsNull => Kind == FlowValueKind.Null;

    public static FlowValue From(bool value) => value ? True : False;

    public static FlowValue From(decimal value) => new(FlowValueKind.Number, number: value);

    public static FlowValue From(int value) => new(FlowValueKind.Number, number: value);

    public static FlowValue From(string? value) => value is null ? Null : new(FlowValueKind.Text, text: value);

    public static FlowValue From(IEnumerable<string> values) => new(FlowValueKind.List, list: [.. values]);

    public bool AsBoolean() => Kind switch
    {
        FlowValueKind.Boolean => _boolean,
        FlowValueKind.Number => _number != 0,
        FlowValueKind.Text => _text!.Length > 0,
        FlowValueKind.List => !_list.IsEmpty,
        _ => false,
    };

    /// <summary>The number, or null when the value is not a number nor a text that reads as one.</summary>
    public decimal? AsNumber() => Kind switch
    {
        FlowValueKind.Number => _number,
        FlowValueKind.Text when decimal.TryParse(_text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        FlowValueKind.Boolean => _boolean ? 1 : 0,
        _ => null,
    };

    public string? AsText() => Kind switch
    {
        FlowValueKind.Null => null,
        _ => ToString(),
    };

    public ImmutableArray<string> AsList() => Kind switch
    {
        FlowValueKind.List => _list,
        FlowValueKind.Null => [],
        _ => [ToString()],
    };

    /// <summary>How the value reads in a prompt: numbers invariant, lists joined with ", ", null empty.</summary>
    public override string ToString() => Kind switch
    {
        FlowValueKind.Boolean => _boolean ? "true" : "false",
        FlowValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        FlowValueKind.Text => _text!,
        FlowValueKind.List => string.Join(", ", _list),
        _ => string.Empty,
    };

    public bool Equals(FlowValue other) => Kind == other.Kind && Kind switch
    {
        FlowValueKind.Boolean => _boolean == other._boolean,
        FlowValueKind.Number => _number == other._number,
        FlowValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
        FlowValueKind.List => _list.SequenceEqual(other._list, StringComparer.Ordinal),
        _ => true,
    };

    public override int GetHashCode() => HashCode.Combine(Kind, ToString());
}
