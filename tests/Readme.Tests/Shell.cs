using System.Diagnostics;

namespace Readme.Tests;

/// <summary>Runs a bash script at the repository root, as a person pasting commands into a terminal.</summary>
internal static class Shell
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
