using Dapper;

namespace CallCenter.Core.Desk.ScreenPop;

public sealed record FollowUpRow
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = string.Empty;
    public string? Category { get; init; }
    public DateTime CreatedAt { get; init; }
    public string Status { get; init; } = string.Empty;
}
