namespace Notifications.Tests;

/// <summary>The clone's root (where CallCenter.sln is), found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CallCenter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CallCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
