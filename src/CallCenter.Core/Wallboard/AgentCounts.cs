namespace CallCenter.Core.Wallboard;

/// <summary>How many agents stand in each state. Reserved (an offer ringing) counts as on a call.</summary>
public sealed record AgentCounts(int Available, int OnCall, int WrapUp, int Break, int Offline)
{
    /// <summary>The agents on break by the break's reason ("" when none was given); the counts add up to <see cref="Break"/>.</summary>
    public IReadOnlyDictionary<string, int> BreaksByReason { get; init; } = new Dictionary<string, int>();

    // Equal counts are equal boards: compare the breaks' contents, not the dictionaries' identity.
    public bool Equals(AgentCounts? other) =>
        other is not null
        && (Available, OnCall, WrapUp, Break, Offline) == (other.Available, other.OnCall, other.WrapUp, other.Break, other.Offline)
        && BreaksByReason.Count == other.BreaksByReason.Count
        && BreaksByReason.All(p => other.BreaksByReason.TryGetValue(p.Key, out var n) && n == p.Value);

    public override int GetHashCode() => HashCode.Combine(Available, OnCall, WrapUp, Break, Offline, BreaksByReason.Count);
}
