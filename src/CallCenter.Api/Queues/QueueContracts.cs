using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;

namespace CallCenter.Api.Queues;

/// <summary>A queue as admins configure it.</summary>
public sealed record QueueResponse(
    string Name,
    string DisplayName,
    IReadOnlyList<string> RequiredSkills,
    QueueStrategy Strategy,
    int ServiceLevelSeconds,
    int MaxWaitSeconds,
    QueueOverflowKind OverflowKind,
    string? OverflowQueue,
    int WrapUpSeconds,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    QueueCallbackMode CallbackMode,
    int ShortAbandonSeconds,
    QueueThresholds Thresholds)
{
    internal static QueueResponse From(QueueSettings queue) => new(
        queue.Name, queue.DisplayName, queue.RequiredSkills, queue.Strategy, queue.ServiceLevelSeconds, queue.MaxWaitSeconds,
        queue.OverflowKind, queue.OverflowQueue, queue.WrapUpSeconds, queue.CreatedAt, queue.UpdatedAt, queue.CallbackMode,
        queue.ShortAbandonSeconds, queue.Thresholds);
}
