namespace CallCenter.Core.Callbacks;

/// <summary>Filters of the supervisors' list; each is optional. Due range: <c>DueFrom</c> &lt;= due_at &lt; <c>DueTo</c>.</summary>
public sealed record CallbackQuery
{
    public string? Status { get; init; }
    public string? Queue { get; init; }
    public Guid? AgentId { get; init; }
    public DateTime? DueFrom { get; init; }
    public DateTime? DueTo { get; init; }
}
