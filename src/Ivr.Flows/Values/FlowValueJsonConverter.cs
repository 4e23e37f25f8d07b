using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ivr.Flows.Values;

/// <summary>Stores a <see cref="FlowValue"/> as plain JSON: null, true/false, a number, a string or an array of strings.</summary>
internal sealed class FlowValueJsonConverter : JsonConverter<FlowValue>
{
    public override bool HandleNull => true;

    public override FlowValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return FlowValue.Null;
            case JsonTokenType.True:
                return FlowValue.True;
            case JsonTokenType.False:
                return FlowValue.False;
            case JsonTokenType.Number:
                return FlowValue.From(reader.GetDecimal());
            case JsonTokenType.String:
                return FlowValue.From(reader.GetString());
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(reader.TokenType == JsonTokenType.String
                        ? reader.GetString()!
                        : throw new JsonException("A list value holds strings only."));
                }

                return FlowValue.From(items);
            default:
                throw new JsonException("A value is null, a boolean, a number, a string or a list of strings.");
        }
    }

    public override void Write(Utf8JsonWriter writer, FlowValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case FlowValueKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            case FlowValueKind.Number:
                writer.WriteNumberValue(value.AsNumber()!.Value);
                break;
            case FlowValueKind.Text:
                writer.WriteStringValue(value.AsText());
                break;
            case FlowValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.AsList())
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
