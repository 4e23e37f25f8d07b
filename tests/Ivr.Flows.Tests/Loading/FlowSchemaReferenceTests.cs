using System.Text.Json;
using System.Text.Json.Nodes;
using Ivr.Flows.Loading;
using Ivr.Flows.Tests.Support;
using Twilio.Protocol.Tests.Reference;

namespace Ivr.Flows.Tests.Loading;

/// <summary>The published schema checked by Ajv, an independent validator: it compiles, accepts the shipped flows, refuses typos.</summary>
public sealed class FlowSchemaReferenceTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ShippedFlows_AreValidAgainstPublishedSchema()
    {
        var documents = Directory.GetFiles(RepoFiles.Path("flows"), "*.json")
            .Select(f => new { name = Path.GetFileName(f), json = File.ReadAllText(f) })
            .ToList();
        Assert.NotEmpty(documents);

        var results = await ValidateAsync(documents.Select(d => (d.name, d.json)));

        Assert.All(results, r => Assert.True(r.Valid, $"{r.Name}: {string.Join("; ", r.Errors)}"));
    }

    [Fact]
    public async Task TypoAndWrongType_AreRefusedBySchema()
    {
        const string Typo = """{ "id": "t", "languages": ["en-US"], "start": "a", "steps": [ { "id": "a", "type": "say", "nxet": "b" } ] }""";
        const string WrongType = """{ "id": "t", "languages": ["en-US"], "start": "a", "steps": [ { "id": "a", "type": "gather", "numDigits": "four" } ] }""";

        var results = await ValidateAsync([("typo", Typo), ("wrong-type", WrongType)]);

        Assert.All(results, r => Assert.False(r.Valid, r.Name));
    }

    private static async Task<IReadOnlyList<SchemaResult>> ValidateAsync(IEnumerable<(string Name, string Json)> documents)
    {
        var input = new JsonObject
        {
            ["schema"] = JsonNode.Parse(FlowSchema.Generate()),
            ["documents"] = new JsonArray([.. documents.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["json"] = d.Json })]),
        };
        var output = await ReferenceTools.RunNodeAsync("flow-schema.js", input.ToJsonString());
        return JsonSerializer.Deserialize<List<SchemaResult>>(output, Json)!;
    }

    private sealed record SchemaResult(string Name, bool Valid, List<string> Errors);
}
