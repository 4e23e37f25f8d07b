using CallCenter.Api.Ivr;
using CallCenter.Core.Ivr;
using Ivr.Flows.Validation;

namespace CallCenter.Api.Tests.Ivr;

public sealed class FlowCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("callcenter-cli-").FullName;

    [Fact]
    public async Task Validate_AllValid_Exits0AndNamesFlowAndVersion()
    {
        var json = TestFlows.Gather("cli-valid", TestFlows.Number());
        var file = Write("valid.json", json);

        var (code, output) = await RunAsync(Catalog, "flows", "validate", file);

        Assert.Equal(FlowCli.Valid, code);
        Assert.Equal([$"{file}: valid (flow cli-valid, version {ActiveFlow.VersionOf(json)})"], output);
    }

    [Fact]
    public async Task Validate_OneInvalid_Exits1AndPrintsEachError()
    {
        var valid = Write("valid.json", TestFlows.Gather("cli-valid", TestFlows.Number()));
        var broken = Write("broken.json", TestFlows.Broken("cli-broken", TestFlows.Number()));

        var (code, output) = await RunAsync(Catalog, "flows", "validate", valid, broken);

        Assert.Equal(FlowCli.Invalid, code);
        Assert.StartsWith($"{valid}: valid", output[0], StringComparison.Ordinal);
        Assert.Contains(output, line => line.StartsWith($"{broken}: step 'pin', field 'next': ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_WithoutDatabase_SaysNamesWereNotChecked()
    {
        var file = Write("valid.json", TestFlows.Gather("cli-offline", TestFlows.Number()));

        var (offline, offlineOutput) = await RunAsync(Catalog, "flows", "validate", "--offline", file);
        var (failing, failingOutput) = await RunAsync(_ => throw new InvalidOperationException("no database"), "flows", "validate", file);

        Assert.Equal((FlowCli.Valid, FlowCli.Valid), (offline, failing));
        Assert.Equal(FlowCli.NotCheckedNote, offlineOutput[0]);
        Assert.Equal(FlowCli.NotCheckedNote, failingOutput[0]);
    }

    [Theory]
    [InlineData("flows")]
    [InlineData("flows", "validate")]
    [InlineData("flows", "check", "x.json")]
    [InlineData("flows", "validate", "--strict", "x.json")]
    public async Task Validate_BadArguments_Exits2WithUsage(params string[] args)
    {
        var (code, output) = await RunAsync(Catalog, args);

        Assert.Equal(FlowCli.UsageError, code);
        Assert.Equal([FlowCli.Usage], output);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2NamingIt()
    {
        var missing = Path.Combine(_folder, "missing.json");

        var (code, output) = await RunAsync(Catalog, "flows", "validate", missing);

        Assert.Equal(FlowCli.UsageError, code);
        Assert.Equal([$"{missing}: no such file"], output);
    }

    [Fact]
    public void Matches_OnlyTheFlowsCommand() =>
        Assert.Equal((true, false, false), (FlowCli.Matches(["flows", "validate"]), FlowCli.Matches(["--seed-demo"]), FlowCli.Matches([])));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<FlowCatalog?> Catalog(CancellationToken cancellationToken) =>
        Task.FromResult<FlowCatalog?>(new FlowCatalog(new HashSet<string> { "general" }, new HashSet<string> { "cardiology" }, new HashSet<string>()));

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int Code, string[] Output)> RunAsync(Func<CancellationToken, Task<FlowCatalog?>> catalog, params string[] args)
    {
        using var output = new StringWriter();
        var code = await FlowCli.RunAsync(args, output, catalog, CancellationToken.None);
        return (code, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
