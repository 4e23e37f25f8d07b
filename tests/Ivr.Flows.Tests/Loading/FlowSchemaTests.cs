using System.Text.Json.Nodes;
using Ivr.Flows.Loading;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Loading;

public sealed class FlowSchemaTests
{
    private static readonly string SchemaFile = RepoFiles.Path("flows", "schema", "flow.schema.json");

    // The published schema is generated; after adding or changing a step, regenerate it with
    // UPDATE_FLOW_SCHEMA=1 dotnet test tests/Ivr.Flows.Tests --filter FlowSchemaTests
    [Fact]
    public void PublishedSchema_MatchesTheStepClasses()
    {
        var generated = FlowSchema.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_FLOW_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaFile, generated);
        }

        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing; run the test with UPDATE_FLOW_SCHEMA=1.");
        Assert.True(string.Equals(generated, File.ReadAllText(SchemaFile).ReplaceLineEndings("\n"), StringComparison.Ordinal),
            "flows/schema/flow.schema.json is out of date; run this test with UPDATE_FLOW_SCHEMA=1 and commit the file.");
    }

    [Fact]
    public void Schema_NamesEveryStepType()
    {
        var schema = JsonNode.Parse(FlowSchema.Generate())!;
        var types = schema["properties"]!["steps"]!["items"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal(StepTypes.All.Keys.Order(StringComparer.Ordinal), types);
        Assert.Contains("say", types);
    }
}
