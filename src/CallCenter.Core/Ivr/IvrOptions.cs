using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Ivr;

/// <summary>Where the flow files are and how the hub watches them (section <c>Ivr</c>).</summary>
public sealed class IvrOptions
{
    public const string SectionName = "Ivr";

    /// <summary>The folder of flow files (*.json); relative paths are relative to the hub's own folder.</summary>
    [Required]
    public string FlowsPath { get; set; } = "flows";

    /// <summary>An SMS within this many minutes of the last one continues the conversation; later ones start the flow again.</summary>
    [Range(1, 7 * 24 * 60)]
    public int SmsSessionMinutes { get; set; } = 60;

    /// <summary>Seconds between full rescans of the folder, in case a file change event was missed (network shares).</summary>
    [Range(1, 3600)]
    public int RescanSeconds { get; set; } = 10;

    /// <summary>Milliseconds to wait after a change event before reading: editors write a file in several steps.</summary>
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 300;

    public string ResolveFlowsPath() =>
        Path.IsPathRooted(FlowsPath) ? FlowsPath : Path.Combine(AppContext.BaseDirectory, FlowsPath);
}
