using System.Globalization;
using System.Text.Json.Serialization;

namespace Ivr.Flows.Values;

/// <summary>The kinds of value a flow variable holds.</summary>
public enum FlowValueKind
{
    Null,
    Boolean,
    Number,
    Text,
    List,
}
