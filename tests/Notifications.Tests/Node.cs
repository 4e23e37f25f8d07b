namespace Notifications.Tests;

/// <summary>The node binary (NODE, else the first on PATH) that runs the npm tools in tools/.</summary>
internal static class Node
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("NODE");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("node is not on PATH (set NODE to its path); the SMTP recorder needs Node 20.");
    }
}
