using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace CallCenter.Api.Ivr;

/// <summary>The result of checking a flow: valid or not, the flow id and the version it would get, and every error.</summary>
public sealed record FlowValidationResponse(bool Valid, string? FlowId, string? Version, IReadOnlyList<FlowErrorResponse> Errors);
