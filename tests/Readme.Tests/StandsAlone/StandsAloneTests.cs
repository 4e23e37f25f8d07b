namespace Readme.Tests.StandsAlone;

/// <summary>Nothing in the build, the tests or the tools reads outside the repository.</summary>
public sealed class StandsAloneTests
{
    private static readonly string[] CheckedFolders = ["tests", "tools", "scripts", "bench"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "BenchmarkDotNet.Artifacts", "TestResults"];
    private static readonly string[] TextFiles = [".cs", ".csproj", ".props", ".targets", ".sh", ".js", ".mjs", ".json", ".md", ".config", ".runsettings"];

    [Fact]
    public void TestsToolsScriptsAndBench_NameNoPathOutsideTheRepository()
    {
        var root = RepositoryRoot.Path;
        var files = CheckedFolders.SelectMany(folder => TextFilesUnder(Path.Combine(root, folder))).ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} files were scanned: the folder walk is broken.");

        var found = files
            .SelectMany(file => OutsidePathScanner.Scan(root, Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)))
            .ToList();

        Assert.True(found.Count == 0, "Paths outside the repository:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("tests/Twilio.Protocol.Tests/Reference/ReferenceTools.cs", "Path.Combine(RepositoryRoot, {dots}, \"shared\", \"twilio\", \"spec.json\")")]
    [InlineData("tests/X.Tests/X.Tests.csproj", "<None Include=\"{up}{up}{up}shared/spec.json\" />")]
    [InlineData("scripts/pg.sh", "cp {up}{up}notes.txt .")]
    [InlineData("bench/Load/Program.cs", "var spec = \"{machine}shared/spec.json\";")]
    public void Scanner_FlagsAPathOutside(string file, string line)
    {
        // Built from pieces, so that this file itself names no such path.
        var text = line.Replace("{dots}", "\"" + new string('.', 2) + "\"", StringComparison.Ordinal)
            .Replace("{up}", new string('.', 2) + "/", StringComparison.Ordinal)
            .Replace("{machine}", "/" + "work/", StringComparison.Ordinal);

        Assert.NotEmpty(OutsidePathScanner.Scan(RepositoryRoot.Path, file, text));
    }

    [Theory]
    [InlineData("tests/X.Tests/X.Tests.csproj", "<ProjectReference Include=\"{up}{up}src/CallCenter.Api/CallCenter.Api.csproj\" />")]
    [InlineData("tests/X.Tests/X.Tests.csproj", "<Compile Include=\"{up}Twilio.Protocol.Tests/Reference/ReferenceTools.cs\" />")]
    [InlineData("scripts/chromium.sh", "command -v /usr/bin/chromium")]
    public void Scanner_AllowsPathsInsideTheRepository(string file, string line)
    {
        var text = line.Replace("{up}", new string('.', 2) + "/", StringComparison.Ordinal);

        Assert.Empty(OutsidePathScanner.Scan(RepositoryRoot.Path, file, text));
    }

    private static IEnumerable<string> TextFilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Where(file => TextFiles.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Where(file => !Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)));
}
