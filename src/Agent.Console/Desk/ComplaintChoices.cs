namespace AgentConsole.Desk;

/// <summary>What the hub lets an agent choose for the complaint case their wrap-up opens: the disposition that opens one, its categories and severities (the defaults first).</summary>
internal sealed record ComplaintChoices(string? Disposition, IReadOnlyList<string> Categories, IReadOnlyList<string> Severities)
{
    public static ComplaintChoices None { get; } = new(null, [], []);

    public bool Opens(string disposition) => Disposition is not null && disposition == Disposition && Categories.Count > 0 && Severities.Count > 0;
}
