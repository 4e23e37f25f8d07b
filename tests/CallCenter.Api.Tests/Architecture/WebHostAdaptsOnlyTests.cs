using System.Text.RegularExpressions;
using Twilio.Protocol.Tests.Reference;

namespace CallCenter.Api.Tests.Architecture;

/// <summary>
/// Core owns the application; the web host only adapts it (endpoints, SignalR hubs and their notifiers, hosted
/// workers, the Twilio edge, start-up). So the host has no data access of its own, and it asks the container for
/// services only while it is being put together.
/// </summary>
public sealed partial class WebHostAdaptsOnlyTests
{
    [Fact]
    public void WebHost_UsesNoDapper()
    {
        var referenced = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("CallCenter.Core", referenced);
        Assert.DoesNotContain("Dapper", referenced);
    }

    [Fact]
    public void WebHost_LooksUpServicesOnlyInStartUpCode()
    {
        var source = Path.Combine(ReferenceTools.RepositoryRoot, "src", "CallCenter.Api");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var method = string.Empty;
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                if (MethodDeclaration().Match(line) is { Success: true } declared)
                {
                    method = declared.Groups["name"].Value;
                }

                if (ServiceLookup().IsMatch(line) && !IsStartUp(file, method))
                {
                    found.Add($"{Path.GetRelativePath(source, file)}:{number} in {method}");
                }
            }
        }

        Assert.True(found.Count == 0, "Service lookups outside start-up code:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("RoutingWorker.cs", "ExecuteAsync", false)]
    [InlineData("DeskEndpoints.cs", "AddDeskApi", true)]
    [InlineData("Program.cs", "", true)]
    public void IsStartUp_TellsRegistrationFromWork(string file, string method, bool startUp) =>
        Assert.Equal(startUp, IsStartUp(Path.Combine("src", file), method));

    // Registration and configuration (Add..., Use..., Map...), the entry point and the one-shot start-up commands.
    // CertificateKeyDecryptor: Data Protection makes key decryptors from the type name stored with each key and hands
    // them only an IServiceProvider, so it must look its settings up there.
    private static bool IsStartUp(string file, string method) =>
        Path.GetFileName(file) is "Program.cs" or "Initialization.cs" or "StartupTasks.cs" or "FlowCli.cs" or "CertificateKeyDecryptor.cs"
        || method.StartsWith("Add", StringComparison.Ordinal)
        || method.StartsWith("Use", StringComparison.Ordinal)
        || method.StartsWith("Map", StringComparison.Ordinal);

    [GeneratedRegex(@"^ {4}(?! )(?:(?:public|internal|private|protected)\s+)?(?:static\s+)?(?:async\s+)?(?:override\s+)?[\w<>\[\],?. ]+\s(?<name>\w+)\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex(@"\bGet(?:Required)?Service(?:s)?\s*<|\bGet(?:Required)?Service\s*\(")]
    private static partial Regex ServiceLookup();
}
