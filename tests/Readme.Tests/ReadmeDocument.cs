using System.Text.RegularExpressions;

namespace Readme.Tests;

/// <summary>
/// The README read as a newcomer reads it: sections by heading, and the shell commands in their fenced blocks.
/// The smoke test runs these commands, so a README edit that breaks a command breaks the test.
/// </summary>
internal sealed partial class ReadmeDocument(string text)
{
    public string Text { get; } = text;

    public static ReadmeDocument Load() => new(File.ReadAllText(RepositoryRoot.Combine("README.md")));

    /// <summary>The text of the section under a heading (any level), up to the next heading of that level or higher.</summary>
    public string Section(string heading)
    {
        var lines = Text.Split('\n');
        var start = Array.FindIndex(lines, line => HeadingOf(line) is { } found && found.Title == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no heading '{heading}'.");
        }

        var level = HeadingOf(lines[start])!.Value.Level;
        var end = Array.FindIndex(lines, start + 1, line => HeadingOf(line) is { } next && next.Level <= level);
        return string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The commands of every <c>```bash</c> block in a section, continuation lines joined, comments dropped.</summary>
    public IReadOnlyList<string> Commands(string heading) =>
        BashBlock().Matches(Section(heading)).SelectMany(block => CommandsOf(block.Groups["body"].Value)).ToList();

    /// <summary>The JSON body the README gives for a simulator route, e.g. <c>POST /simulator/calls {...}</c>.</summary>
    public string JsonBodyAfter(string request)
    {
        var match = Regex.Match(Text, Regex.Escape(request) + @"\s+(?<json>\{[^}]*\})");
        return match.Success
            ? match.Groups["json"].Value
            : throw new InvalidOperationException($"README.md gives no JSON body after '{request}'.");
    }

    /// <summary>The paths of every URL on the hub the README names (<c>http://localhost:5080/...</c>), in order, once each.</summary>
    public IReadOnlyList<string> HubUrls(string hostAndPort) =>
        Regex.Matches(Text, "http://" + Regex.Escape(hostAndPort) + @"(?<path>/[^\s`)""'<>]*)?")
            .Select(m => m.Groups["path"].Success ? m.Groups["path"].Value : "/")
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<string> CommandsOf(string block)
    {
        var joined = block.Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var raw in joined.Split('\n'))
        {
            var line = TrailingComment().Replace(raw, string.Empty).Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return Regex.Replace(line, @"\s{2,}", " ");
            }
        }
    }

    private static (int Level, string Title)? HeadingOf(string line)
    {
        var match = Heading().Match(line.TrimEnd('\r'));
        return match.Success ? (match.Groups["hashes"].Length, match.Groups["title"].Value.Trim()) : null;
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    // A comment the README puts after a command, set off by at least two spaces ("...   # name contains 王").
    [GeneratedRegex(@"\s{2,}#\s.*$")]
    private static partial Regex TrailingComment();
}
