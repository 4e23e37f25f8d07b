using System.Text.RegularExpressions;

namespace Readme.Tests.StandsAlone;

/// <summary>
/// Finds where a file names a path outside the repository: a relative path that climbs above the clone, a C#
/// parent-folder segment as a string of its own (walk up with a repository-root finder instead, which stops at the
/// clone), an absolute
/// path into someone's machine, or the guidance folder that once sat beside the repository. The repository must
/// build and test alone, as a person who clones it has it.
/// </summary>
internal static partial class OutsidePathScanner
{
    // Spelt in pieces, so that this file does not name what it looks for.
    private static readonly string ParentSegment = "\"" + new string('.', 2) + "\"";
    private static readonly string[] GuidanceFolder = ["shared" + "/twilio", "shared" + "\\twilio"];

    public static IEnumerable<string> Scan(string repositoryRoot, string relativeFile, string text)
    {
        var folder = Path.GetDirectoryName(Path.Combine(repositoryRoot, relativeFile))!;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            foreach (var reason in Reasons(repositoryRoot, folder, relativeFile, lines[index]))
            {
                yield return $"{relativeFile}:{index + 1}: {reason}";
            }
        }
    }

    private static IEnumerable<string> Reasons(string root, string folder, string file, string line)
    {
        foreach (Match climb in ClimbingPath().Matches(line))
        {
            var resolved = Path.GetFullPath(Path.Combine(folder, climb.Value.Replace('\\', '/')));
            if (!IsInside(root, resolved))
            {
                yield return $"'{climb.Value}' leads outside the repository";
            }
        }

        if (file.EndsWith(".cs", StringComparison.Ordinal) && line.Contains(ParentSegment, StringComparison.Ordinal))
        {
            yield return "a parent-folder segment of its own (find the repository root instead)";
        }

        if (MachinePath().Match(line) is { Success: true } absolute)
        {
            yield return $"'{absolute.Value}' is a path on one machine";
        }

        if (GuidanceFolder.Any(folder => line.Contains(folder, StringComparison.Ordinal)))
        {
            yield return "the shared/ folder beside the repository is not part of a clone";
        }
    }

    private static bool IsInside(string root, string path)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (path + Path.DirectorySeparatorChar).StartsWith(full, StringComparison.Ordinal);
    }

    // One or more "../" (or "..\") steps and what follows them, as written in a project file, script or string.
    [GeneratedRegex(@"(?:\.\.[/\\])+[\w.\-/\\]*")]
    private static partial Regex ClimbingPath();

    [GeneratedRegex(@"(?<![\w.])(?:[/]work[/]|[/]home[/]|[/]root[/]|~[/]|[A-Za-z]:\\Users\\)[\w.\-/\\]*")]
    private static partial Regex MachinePath();
}
