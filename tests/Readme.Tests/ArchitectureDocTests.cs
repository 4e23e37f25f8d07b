using System.Text.RegularExpressions;

namespace Readme.Tests;

/// <summary>
/// docs/architecture.md walks an inbound call and an outbound message file by file, naming the project of each hop
/// in bold. A reader must find every file where the document says it is.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly Dictionary<string, string> Projects = new(StringComparer.Ordinal)
    {
        ["Api"] = "src/CallCenter.Api",
        ["Core"] = "src/CallCenter.Core",
        ["Ivr.Flows"] = "src/Ivr.Flows",
        ["Notifications"] = "src/Notifications",
        ["Twilio.Protocol"] = "src/Twilio.Protocol",
    };

    [Theory]
    [InlineData("An inbound call, file by file")]
    [InlineData("An outbound message, file by file")]
    public void FileByFilePath_EveryFileIsInTheProjectTheDocNames(string heading)
    {
        var section = new ReadmeDocument(File.ReadAllText(RepositoryRoot.Combine("docs", "architecture.md"))).Section(heading);
        var checkedFiles = 0;
        var missing = new List<string>();
        foreach (var step in Regex.Split(section, @"\n(?=\d+\. )"))
        {
            // Within a numbered step, the project named last governs the paths after it, until another is named.
            var project = string.Empty;
            foreach (Match token in Token().Matches(step))
            {
                if (token.Groups["project"].Success)
                {
                    project = token.Groups["project"].Value;
                }
                else if (project.Length > 0)
                {
                    checkedFiles++;
                    var path = token.Groups["path"].Value;
                    if (!File.Exists(RepositoryRoot.Combine(Projects[project], path)))
                    {
                        missing.Add($"{project}: {path}");
                    }
                }
            }
        }

        Assert.True(checkedFiles >= 5, $"Only {checkedFiles} files named: the document's form changed; change this test with it.");
        Assert.True(missing.Count == 0, "Not where docs/architecture.md says:\n" + string.Join('\n', missing));
    }

    // A project in bold (**Core**, or a backticked name such as `Twilio.Protocol`), or a path ending in .cs.
    [GeneratedRegex(@"\*\*(?<project>Api|Core|Ivr\.Flows|Notifications)\*\*|`(?<project>Twilio\.Protocol)`|`(?<path>[\w./]+\.cs)`")]
    private static partial Regex Token();
}
