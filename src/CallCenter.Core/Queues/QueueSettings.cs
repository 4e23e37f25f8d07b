using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Queues;

/// <summary>A queue as admins configure it.</summary>
public sealed record QueueSettings
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Skills an agent needs to take the queue's calls; empty when any agent may.</summary>
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
    public QueueStrategy Strategy { get; init; } = QueueStrategy.LongestIdle;

    /// <summary>A call answered within this many seconds counts as within the service level.</summary>
    public int ServiceLevelSeconds { get; init; } = 20;
    public int MaxWaitSeconds { get; init; } = 600;
    public QueueOverflowKind OverflowKind { get; init; } = QueueOverflowKind.None;

    /// <summary>The queue calls move to when <see cref="OverflowKind"/> is <see cref="QueueOverflowKind.Queue"/>.</summary>
    public string? OverflowQueue { get; init; }

    /// <summary>How long an agent is held in wrap-up after a call of this queue, unless they end it.</summary>
    public int WrapUpSeconds { get; init; } = 30;

    /// <summary>How callbacks of this queue are dialled (docs/outbound.md, "Callbacks").</summary>
    public QueueCallbackMode CallbackMode { get; init; } = QueueCallbackMode.AgentFirst;

    /// <summary>
    /// Callers who hang up within this many seconds of joining are short abandons: left out of the service level and
    /// the abandon rate (docs/wallboard.md).
    /// </summary>
    public int ShortAbandonSeconds { get; init; } = 5;

    /// <summary>The wallboard's warning and critical thresholds; <see cref="QueueThresholds.None"/> colours nothing.</summary>
    public QueueThresholds Thresholds { get; init; } = QueueThresholds.None;
    public DateTime CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
}
