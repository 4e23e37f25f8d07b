namespace Agent.Console.Tests.Terminal;

/// <summary>
/// How to start the built console in a terminal: its own build output (src/Agent.Console/bin/&lt;configuration&gt;), run
/// with the dotnet host. Not the copy next to the tests: that folder is laid out for the test host (with ASP.NET
/// Core's shared framework), not for the console.
/// </summary>
internal static class AgentConsoleProcess
{
    /// <summary>The command line for tmux: <c>dotnet Agent.Console.dll</c> with the given arguments.</summary>
    public static string Command(params string[] arguments)
    {
        var dll = ConsoleDll();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return string.Join(' ', new[] { dotnet, dll }.Concat(arguments).Select(Quote));
    }

    private static string ConsoleDll()
    {
        // The tests run from tests/Agent.Console.Tests/bin/<configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var root = framework;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CallCenter.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, $"No CallCenter.sln above {AppContext.BaseDirectory}: cannot find the console's build output.");
        var dll = Path.Combine(root.FullName, "src", "Agent.Console", "bin", configuration, framework.Name, "Agent.Console.dll");
        Assert.True(File.Exists(dll), $"The console is not built: {dll} is missing (build tests/Agent.Console.Tests, which builds it).");
        return dll;
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
