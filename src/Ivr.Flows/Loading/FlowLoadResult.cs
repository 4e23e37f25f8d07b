using System.Text.Json.Nodes;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Loading;

/// <summary>The loaded flow (null when there are errors) and every error found.</summary>
public sealed record FlowLoadResult(FlowDefinition? Flow, IReadOnlyList<FlowError> Errors)
{
    public bool Succeeded => Flow is not null && Errors.Count == 0;
}
