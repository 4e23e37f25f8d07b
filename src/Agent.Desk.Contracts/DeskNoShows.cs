namespace AgentDesk.Contracts;

/// <summary>The patient's missed visits: <see cref="Recent"/> within the last <see cref="WindowDays"/>; <see cref="Flagged"/> from the hospital's threshold on.</summary>
public sealed record DeskNoShows
{
    public int Total { get; init; }
    public int Recent { get; init; }
    public int WindowDays { get; init; }
    public bool Flagged { get; init; }
}
