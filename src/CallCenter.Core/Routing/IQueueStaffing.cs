namespace CallCenter.Core.Routing;

/// <summary>Who stands behind a queue right now: what a caller's wait estimate is shared out over.</summary>
public interface IQueueStaffing
{
    Task<QueueStaff> ForQueueAsync(string queueName, CancellationToken cancellationToken = default);
}
