namespace CallCenter.Core.Cases;

/// <summary>Where a case is, and the moves allowed between: open → investigating → resolved → closed, with a resolved case reopened to investigating.</summary>
public static class CaseStatuses
{
    public const string Open = "open";
    public const string Investigating = "investigating";
    public const string Resolved = "resolved";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Open, Investigating, Resolved, Closed];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Open] = [Investigating, Resolved, Closed],
        [Investigating] = [Resolved, Closed],
        [Resolved] = [Closed, Investigating],
        [Closed] = [],
    };

    /// <summary>The statuses a case in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<string> NextOf(string from) => Allowed.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(string from, string to) => NextOf(from).Contains(to, StringComparer.Ordinal);

    /// <summary>Open and investigating cases still need work; their due times can be breached.</summary>
    public static bool IsActive(string status) => status is Open or Investigating;
}
