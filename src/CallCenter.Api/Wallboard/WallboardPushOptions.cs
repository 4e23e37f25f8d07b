using System.ComponentModel.DataAnnotations;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// How often the wallboard hub recomputes and pushes the board (section <c>Wallboard</c>, beside Core's
/// <see cref="CallCenter.Core.Wallboard.WallboardOptions"/>: the centre's zone, and the alerts' settings).
/// </summary>
internal sealed class WallboardPushOptions
{
    public const string SectionName = "Wallboard";

    /// <summary>Rings closer together than this are coalesced: boards get at most one update per this interval.</summary>
    [Range(100, 60_000)]
    public int MinIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// While calls wait or agents are signed in, the board is recomputed at least this often without any event, so
    /// levels that only time moves (a wait passing its threshold) change colour.
    /// </summary>
    [Range(500, 60_000)]
    public int ActiveTickMilliseconds { get; set; } = 3_000;

    /// <summary>When nothing waits and nobody is signed in, the board is still recomputed this often (e.g. at midnight).</summary>
    [Range(1_000, 600_000)]
    public int IdleTickMilliseconds { get; set; } = 30_000;
}
