using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;

namespace CallCenter.Api.Queues;

/// <summary>
/// A queue to create, or the changes to one. On create, a missing field takes its default (display name: the
/// name); on change, a missing field keeps its value, and overflowKind with overflowQueue change together.
/// <c>thresholds</c> (the wallboard's warning and critical levels) is replaced as a whole when sent: a threshold left
/// out or null in it is no threshold; not sent, the queue keeps its thresholds.
/// </summary>
public sealed record QueueRequest(
    string? Name,
    string? DisplayName,
    IReadOnlyList<string>? RequiredSkills,
    QueueStrategy? Strategy,
    int? ServiceLevelSeconds,
    int? MaxWaitSeconds,
    QueueOverflowKind? OverflowKind,
    string? OverflowQueue,
    int? WrapUpSeconds,
    QueueCallbackMode? CallbackMode = null,
    int? ShortAbandonSeconds = null,
    QueueThresholds? Thresholds = null)
{
    internal QueueSettings ToNew() => Apply(new QueueSettings { Name = Name ?? string.Empty, DisplayName = DisplayName ?? Name ?? string.Empty });

    internal QueueSettings Apply(QueueSettings current) => current with
    {
        DisplayName = DisplayName ?? current.DisplayName,
        RequiredSkills = RequiredSkills ?? current.RequiredSkills,
        Strategy = Strategy ?? current.Strategy,
        ServiceLevelSeconds = ServiceLevelSeconds ?? current.ServiceLevelSeconds,
        MaxWaitSeconds = MaxWaitSeconds ?? current.MaxWaitSeconds,
        OverflowKind = OverflowKind ?? current.OverflowKind,
        OverflowQueue = OverflowKind is null ? OverflowQueue ?? current.OverflowQueue : OverflowQueue,
        WrapUpSeconds = WrapUpSeconds ?? current.WrapUpSeconds,
        CallbackMode = CallbackMode ?? current.CallbackMode,
        ShortAbandonSeconds = ShortAbandonSeconds ?? current.ShortAbandonSeconds,
        Thresholds = Thresholds ?? current.Thresholds,
    };
}
