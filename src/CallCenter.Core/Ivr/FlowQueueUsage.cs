using Ivr.Flows.Validation;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Which active flows send callers to a queue. Asked by validating each active flow as if the queue were gone:
/// the steps' own checks find every use (enqueue, callback, voicemail category, queue figures in expressions), so
/// there is no second list of "fields that name a queue" to keep in step with the step types.
/// </summary>
public sealed class FlowQueueUsage(FlowRegistry registry)
{
    public IReadOnlyList<string> FlowsUsing(string queue, IEnumerable<string> allQueues)
    {
        var without = allQueues.Where(q => !string.Equals(q, queue, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var catalog = new FlowCatalog(Queues: without);
        var missing = $"unknown queue '{queue}'";
        return [.. registry.Current.Files.Values
            .Select(file => file.Active)
            .OfType<ActiveFlow>()
            .Where(active => FlowValidator.Validate(active.FileName, active.Flow, catalog).Any(e => e.Reason.Contains(missing, StringComparison.Ordinal)))
            .Select(active => active.Flow.Id)];
    }
}
