using System.Diagnostics;
using System.Text;

namespace Carrier.Simulator.Tests.Infrastructure;

/// <summary>
/// Runs the scripts in tools/twilio-reference (Twilio's own npm packages: the official Node library and the
/// OpenAPI spec) with node. A missing install fails the test with what to do, never skips it.
/// </summary>
internal static class TwilioReference
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ToolsDirectory => Path.Combine(RepositoryRoot, "tools", "twilio-reference");

    /// <summary>Runs <c>node script</c> in the tools folder with <paramref name="input"/> on stdin; returns stdout.</summary>
    public static async Task<string> RunNodeAsync(string script, string input)
    {
        if (!File.Exists(Path.Combine(ToolsDirectory, "node_modules", "twilio", "package.json")))
        {
            throw new InvalidOperationException(
                $"{ToolsDirectory}/node_modules is missing: run ./test.sh (or: cd tools/twilio-reference && npm ci) first.");
        }

        var start = new ProcessStartInfo(FindNode(), script)
        {
            WorkingDirectory = ToolsDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string FindNode()
    {
        var configured = Environment.GetEnvironmentVariable("NODE");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("node is not on PATH (set NODE to its path); the Twilio reference checks need Node 20.");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallCenter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CallCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
