using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Ivr.Flows.Model;

namespace Ivr.Flows.Loading;

/// <summary>
/// The JSON Schema of flow files, generated from the step classes so it cannot drift from what the loader accepts.
/// The copy published in <c>flows/schema/flow.schema.json</c> is checked against this by a test; editors use it
/// for completion and red squiggles. The loader's own errors are more precise (it knows steps and languages).
/// </summary>
public static class FlowSchema
{
    public const string Id = "https://github.com/patient-contact-hub/schemas/flow.schema.json";

    public static string Generate()
    {
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true };
        var root = FlowJson.Options.GetJsonSchemaAsNode(typeof(FlowDefinition), exporter).AsObject();
        var steps = new JsonArray();
        foreach (var (name, type) in StepTypes.All.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var step = FlowJson.Options.GetJsonSchemaAsNode(type, exporter).AsObject();
            var properties = step["properties"]!.AsObject();
            properties.Insert(0, "type", new JsonObject { ["const"] = name });
            step["required"] = new JsonArray("id", "type");
            step["additionalProperties"] = false;
            steps.Add(new JsonObject { ["if"] = new JsonObject { ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = name } } }, ["then"] = step });
        }

        var rootProperties = root["properties"]!.AsObject();
        rootProperties["steps"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("id", "type"),
                ["properties"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    ["type"] = new JsonObject { ["enum"] = new JsonArray([.. StepTypes.All.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]) },
                },
                ["allOf"] = steps,
            },
        };
        root["additionalProperties"] = false;
        root["required"] = new JsonArray("id", "languages", "start", "steps");
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "Patient contact hub IVR flow",
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            schema[key] = value;
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
