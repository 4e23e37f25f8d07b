using CallCenter.Api.Ivr;
using CallCenter.Core.Ivr;
using Ivr.Flows.Loading;
using Ivr.Flows.Validation;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>The repository's flows/ folder: its README's example and every flow file shipped with the hub are valid.</summary>
public sealed class FlowFolderTests
{
    // The queues the migrations create and the departments of the demo hospital.
    private static readonly FlowCatalog Catalog = new(
        new HashSet<string>(["appointments", "test-results", "complaints", "general"], StringComparer.Ordinal),
        new HashSet<string>(["IM", "SURG", "PED", "OBGYN", "OPH"], StringComparer.Ordinal),
        null);

    [Fact]
    public void ReadmeExample_IsAValidFlow()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFlows(), "README.md"));
        var start = readme.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var result = FlowLoader.Load("README.md", example, Catalog);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
    }

    [Fact]
    public void ShippedFlowFiles_AreValidAndCopiedNextToTheHub()
    {
        var shipped = Directory.GetFiles(RepositoryFlows(), "*.json");
        var copied = Path.Combine(AppContext.BaseDirectory, new IvrOptions().FlowsPath);

        foreach (var file in shipped)
        {
            var result = FlowLoader.Load(Path.GetFileName(file), File.ReadAllText(file), Catalog);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
            Assert.True(File.Exists(Path.Combine(copied, Path.GetFileName(file))), $"{Path.GetFileName(file)} is not copied to the output folder.");
        }
    }

    private static string RepositoryFlows()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var flows = Path.Combine(folder.FullName, "flows");
            if (File.Exists(Path.Combine(flows, "README.md")))
            {
                return flows;
            }
        }

        throw new InvalidOperationException("The repository's flows/ folder was not found above " + AppContext.BaseDirectory);
    }
}
