namespace WallboardLoad;

internal enum EventKind
{
    Entered,
    Abandoned,
}

/// <summary>
/// One queue event whose webhook answered: when (Stopwatch ticks and wall clock), its kind, and its ordinal among the
/// answered events of that kind (1 = the first).
/// </summary>
internal sealed record AnsweredEvent(long AnsweredAt, DateTime AnsweredUtc, EventKind Kind, int Ordinal);
