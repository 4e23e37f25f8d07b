using Ivr.Flows.Model;
using Ivr.Flows.Steps;

namespace Ivr.Flows.Validation;

/// <summary>
/// In a flow that answers calls or texts (it has <c>numbers</c>), every way from the start (or the error step) to a step
/// that discloses or changes patient data must pass a <c>verify</c> step's <c>verified</c> transition. The engine refuses
/// such a step for an unverified caller anyway; this finds the mistake when the file is loaded, not on a live call.
/// Flows the hub only places itself (no numbers: reminder calls to the number on record) start verified.
/// </summary>
internal static class VerificationPaths
{
    public static void Validate(string file, FlowDefinition flow, List<FlowError> errors)
    {
        if (flow.Numbers.Count == 0)
        {
            return;
        }

        // Breadth first over the steps a caller can reach unverified, remembering how each was first reached.
        var cameFrom = new Dictionary<string, (string? Step, string Field)>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var (id, field) in new[] { (flow.Start, "start"), (flow.OnError, "onError") })
        {
            if (id is not null && cameFrom.TryAdd(id, (null, field)))
            {
                pending.Enqueue(id);
            }
        }

        while (pending.TryDequeue(out var id))
        {
            if (flow.Find(id) is not { } step)
            {
                continue;
            }

            if (step.NeedsVerifiedCaller)
            {
                var (from, field) = cameFrom[id];
                var path = string.Join(" -> ", PathTo(id, cameFrom));
                var reason = $"leads to '{id}', a '{step.TypeName}' step that discloses or changes patient data, without a verify step on the way "
                    + $"({path}); route it through a 'verify' step first.";
                errors.Add(new FlowError(file, from, field, reason));
                continue;
            }

            foreach (var transition in step.Transitions())
            {
                if (step is VerifyStep && transition.Field == "verified")
                {
                    continue;
                }

                if (transition.Target is { } target && cameFrom.TryAdd(target, (id, transition.Field)))
                {
                    pending.Enqueue(target);
                }
            }
        }
    }

    private static List<string> PathTo(string id, Dictionary<string, (string? Step, string Field)> cameFrom)
    {
        var path = new List<string> { id };
        for (var at = cameFrom[id].Step; at is not null; at = cameFrom[at].Step)
        {
            path.Insert(0, at);
        }

        return path;
    }
}
