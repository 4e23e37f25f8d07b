namespace Ivr.Flows.Validation;

/// <summary>
/// What exists outside the flow, so a flow naming an unknown queue, department or HTTP endpoint is refused.
/// Null sets mean "not known here" (e.g. a command-line check without a database) and skip that check.
/// </summary>
public sealed record FlowCatalog(
    IReadOnlySet<string>? Queues = null,
    IReadOnlySet<string>? Departments = null,
    IReadOnlySet<string>? HttpEndpoints = null)
{
    public static FlowCatalog Unknown { get; } = new();
}
