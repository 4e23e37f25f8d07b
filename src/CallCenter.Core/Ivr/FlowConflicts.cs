using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Checks across files: a flow id or a number may belong to one file only, else which flow answers would depend on
/// the order files are read. The file that comes second is refused.
/// </summary>
internal static class FlowConflicts
{
    public static IEnumerable<FlowError> Find(string fileName, FlowDefinition flow, IEnumerable<ActiveFlow> others)
    {
        foreach (var other in others.Where(o => !string.Equals(o.FileName, fileName, StringComparison.Ordinal)))
        {
            if (string.Equals(other.Flow.Id, flow.Id, StringComparison.Ordinal))
            {
                yield return new FlowError(fileName, null, "id", $"flow '{flow.Id}' is already defined in {other.FileName}.");
            }

            if (other.Flow.Kind != flow.Kind)
            {
                continue;
            }

            foreach (var number in flow.Numbers.Intersect(other.Flow.Numbers, StringComparer.Ordinal))
            {
                yield return new FlowError(fileName, null, "numbers", $"'{number}' is already answered by flow '{other.Flow.Id}' in {other.FileName}.");
            }
        }
    }
}
