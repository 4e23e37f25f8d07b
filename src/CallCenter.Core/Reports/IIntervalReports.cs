namespace CallCenter.Core.Reports;

/// <summary>Interval reports per queue and per agent, computed from the queue event log and agent_state_event.</summary>
public interface IIntervalReports
{
    Task<ReportResult<QueueIntervalRow>> QueuesAsync(ReportQuery query, CancellationToken cancellationToken = default);

    Task<ReportResult<AgentIntervalRow>> AgentsAsync(ReportQuery query, CancellationToken cancellationToken = default);
}
