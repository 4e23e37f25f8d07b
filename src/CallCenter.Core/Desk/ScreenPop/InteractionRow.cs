using Dapper;

namespace CallCenter.Core.Desk.ScreenPop;

public sealed record InteractionRow
{
    public DateTime OccurredAt { get; init; }
    public string Kind { get; init; } = string.Empty;
    public string Direction { get; init; } = string.Empty;
    public string? Summary { get; init; }
}
