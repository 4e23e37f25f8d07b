using System.Text.Json.Nodes;

namespace Twilio.Protocol.Tests.Reference;

/// <summary>
/// The OpenAPI document Prism serves: Twilio's own spec for API v2010 (twilio-oai, as shipped in the pinned npm
/// package @twilio-alpha/mcp) with one change, <see cref="EncodeListsAsRepeatedKeys"/>. Derived at test time rather
/// than committed, so the repository carries no copy of Twilio's spec that could drift from the pinned package.
/// </summary>
internal static class PrismSpec
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    public static string SourcePath => ReferenceTools.RequireInstalled(
        Path.Combine("node_modules", "@twilio-alpha", "mcp", "twilio-oai", "spec", "json", "twilio_api_v2010.json"));

    /// <summary>Reads Twilio's spec and applies the one change.</summary>
    public static JsonObject Derive()
    {
        var spec = JsonNode.Parse(File.ReadAllText(SourcePath)) as JsonObject
            ?? throw new InvalidOperationException($"{SourcePath} is not a JSON object.");
        EncodeListsAsRepeatedKeys(spec);
        return spec;
    }

    /// <summary>
    /// Writes the derived document into this test project's build output (bin/, git-ignored) and returns its path.
    /// Written to a temporary name and moved, so a Prism started meanwhile never reads half a file.
    /// </summary>
    public static string Write()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "prism");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "twilio_api_v2010.prism.json");
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, Derive().ToJsonString());
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// Gives every list field of every form request body the encoding <c>style: form, explode: true</c>; returns how
    /// many entries it added. Twilio and its clients send a list as repeated keys
    /// (<c>StatusCallbackEvent=a&amp;StatusCallbackEvent=b</c>). OpenAPI makes that the default for form bodies, but
    /// Prism only honours it when spelled out and otherwise answers 422 "must be array" (stoplightio/prism#2473).
    /// An encoding the spec already has is kept as it is.
    /// </summary>
    public static int EncodeListsAsRepeatedKeys(JsonObject spec)
    {
        var added = 0;
        foreach (var form in FormBodies(spec))
        {
            if (form["schema"]?["properties"] is not JsonObject properties)
            {
                continue;
            }

            foreach (var (name, property) in properties)
            {
                if (!IsArray(property))
                {
                    continue;
                }

                if (form["encoding"] is not JsonObject encoding)
                {
                    form["encoding"] = encoding = new JsonObject();
                }

                if (encoding.TryAdd(name, new JsonObject { ["style"] = "form", ["explode"] = true }))
                {
                    added++;
                }
            }
        }

        return added;
    }

    private static IEnumerable<JsonObject> FormBodies(JsonObject spec)
    {
        if (spec["paths"] is not JsonObject paths)
        {
            yield break;
        }

        // A path item also holds "parameters", "summary" and x- extensions; only operations have a requestBody.
        foreach (var (_, pathItem) in paths)
        {
            if (pathItem is not JsonObject operations)
            {
                continue;
            }

            foreach (var (_, operation) in operations)
            {
                if (operation is JsonObject op
                    && op["requestBody"] is JsonObject body
                    && body["content"] is JsonObject content
                    && content[FormContentType] is JsonObject form)
                {
                    yield return form;
                }
            }
        }
    }

    private static bool IsArray(JsonNode? property) =>
        property is JsonObject schema
        && schema["type"] is JsonValue type
        && type.TryGetValue<string>(out var name)
        && name == "array";
}
