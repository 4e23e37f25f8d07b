using System.Text.Json;
using System.Text.Json.Nodes;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Loading;

/// <summary>
/// Reads a flow file into a <see cref="FlowDefinition"/> and validates it. Never throws for bad input: every problem
/// comes back as a <see cref="FlowError"/> naming the file, the step and the field.
/// </summary>
public static class FlowLoader
{
    public static FlowLoadResult Load(string file, string json, FlowCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<FlowError>();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json ?? string.Empty, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            }) as JsonObject ?? throw new JsonException("The file must hold one JSON object.");
        }
        catch (JsonException ex)
        {
            return Failed(new FlowError(file, null, "(file)", $"not valid JSON: {ex.Message}"));
        }

        var steps = new List<FlowStep>();
        if (root["steps"] is JsonArray stepArray)
        {
            for (var index = 0; index < stepArray.Count; index++)
            {
                if (ReadStep(file, index, stepArray[index], errors) is { } step)
                {
                    steps.Add(step);
                }
            }
        }
        else if (root["steps"] is not null)
        {
            errors.Add(new FlowError(file, null, "steps", "must be an array of steps."));
        }

        root.Remove("steps");
        FlowDefinition? header;
        try
        {
            header = root.Deserialize<FlowDefinition>(FlowJson.Options);
        }
        catch (JsonException ex)
        {
            errors.Add(new FlowError(file, null, FieldOf(ex), Reason(ex)));
            return new FlowLoadResult(null, errors);
        }

        if (header is null)
        {
            return Failed(new FlowError(file, null, "(file)", "the file holds no flow."));
        }

        var flow = new FlowDefinition
        {
            Schema = header.Schema,
            Id = header.Id,
            Description = header.Description,
            Kind = header.Kind,
            Numbers = header.Numbers,
            Languages = header.Languages,
            DefaultLanguage = header.DefaultLanguage,
            TimeZone = header.TimeZone,
            Start = header.Start,
            OnError = header.OnError,
            ErrorPrompt = header.ErrorPrompt,
            HelpText = header.HelpText,
            OptOutText = header.OptOutText,
            OptInText = header.OptInText,
            Calendars = header.Calendars,
            Steps = steps,
        };
        if (errors.Count == 0)
        {
            errors.AddRange(FlowValidator.Validate(file, flow, catalog ?? FlowCatalog.Unknown));
        }

        return new FlowLoadResult(errors.Count == 0 ? flow : null, errors);
    }

    private static FlowStep? ReadStep(string file, int index, JsonNode? node, List<FlowError> errors)
    {
        if (node is not JsonObject step)
        {
            errors.Add(new FlowError(file, null, $"steps[{index}]", "must be an object with an id and a type."));
            return null;
        }

        var id = step["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
        var type = step["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var typeText) ? typeText : null;
        if (type is null || !StepTypes.TryFind(type, out var stepType))
        {
            errors.Add(new FlowError(file, id, "type", type is null
                ? $"is required; one of {string.Join(", ", StepTypes.All.Keys.Order(StringComparer.Ordinal))}."
                : $"unknown step type '{type}'; one of {string.Join(", ", StepTypes.All.Keys.Order(StringComparer.Ordinal))}."));
            return null;
        }

        var fields = step.DeepClone().AsObject();
        fields.Remove("type");
        try
        {
            return (FlowStep?)fields.Deserialize(stepType, FlowJson.Options);
        }
        catch (JsonException ex)
        {
            errors.Add(new FlowError(file, id ?? $"steps[{index}]", FieldOf(ex), Reason(ex)));
            return null;
        }
    }

    // System.Text.Json reports "$.gather.numDigits"; errors name "gather.numDigits".
    private static string FieldOf(JsonException exception)
    {
        var path = exception.Path ?? string.Empty;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (field.Length == 0 && exception.Message.Contains('\'', StringComparison.Ordinal))
        {
            // Unmapped members: "The JSON property 'foo' could not be mapped to any .NET member ..."
            var start = exception.Message.IndexOf('\'', StringComparison.Ordinal) + 1;
            var end = exception.Message.IndexOf('\'', start);
            return end > start ? exception.Message[start..end] : "(step)";
        }

        return field.Length == 0 ? "(step)" : field;
    }

    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "is not a field of this step type (a typo?).";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return message[..message.IndexOf('.', StringComparison.Ordinal)] + ".";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static FlowLoadResult Failed(FlowError error) => new(null, [error]);
}
