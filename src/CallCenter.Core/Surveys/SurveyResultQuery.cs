using CallCenter.Core.Common;

namespace CallCenter.Core.Surveys;

/// <summary>Filters of the survey results; every one optional. Times are UTC, <see cref="To"/> exclusive.</summary>
public sealed record SurveyResultQuery
{
    public string? SurveyKey { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public Guid? AgentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? DoctorId { get; init; }
    public string? CallSid { get; init; }
    public string? TriggerKind { get; init; }
    public PageRequest Page { get; init; } = new();
}
