using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Desk;

/// <summary>Settings of the agent desk (section <c>Desk</c>).</summary>
public sealed class DeskOptions
{
    public const string SectionName = "Desk";

    /// <summary>The disposition codes used when <see cref="Dispositions"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultDispositions =
    [
        "resolved", "appointment-booked", "appointment-changed", "callback-scheduled", "information-given",
        "complaint-logged", "transferred", "no-action",
    ];

    /// <summary>
    /// How long an agent whose last connection dropped keeps their ringing offers and state: a desk that reconnects
    /// within it (a network blip, a page reload) carries on as if nothing happened.
    /// </summary>
    [Range(0, 300)]
    public int ReconnectGraceSeconds { get; set; } = 5;

    /// <summary>How often the router runs without being woken (offers ringing out, overflow, wrap-up ending).</summary>
    [Range(50, 60_000)]
    public int TickMilliseconds { get; set; } = 1000;

    /// <summary>Disposition codes agents choose from at wrap-up; empty means <see cref="DefaultDispositions"/>.</summary>
    public string[]? Dispositions { get; set; }

    public const int MaxNotesLength = 2000;

    // The binder appends configured items to a list that already has defaults, so the defaults live apart.
    public IReadOnlyList<string> EffectiveDispositions => Dispositions is { Length: > 0 } configured ? configured : DefaultDispositions;
}
