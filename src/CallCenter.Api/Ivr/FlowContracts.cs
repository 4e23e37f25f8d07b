using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace CallCenter.Api.Ivr;

/// <summary>One thing wrong with a flow: file, step (null for the flow's own fields), field, reason, and the whole line.</summary>
public sealed record FlowErrorResponse(string File, string? Step, string Field, string Reason, string Message)
{
    internal static FlowErrorResponse From(FlowError error) => new(error.File, error.StepId, error.Field, error.Reason, error.ToString());
}
