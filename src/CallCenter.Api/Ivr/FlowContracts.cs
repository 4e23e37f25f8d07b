using CallCenter.Core.Ivr;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace CallCenter.Api.Ivr;

/// <summary>One thing wrong with a flow: file, step (null for the flow's own fields), field, reason, and the whole line.</summary>
public sealed record FlowErrorResponse(string File, string? Step, string Field, string Reason, string Message)
{
    internal static FlowErrorResponse From(FlowError error) => new(error.File, error.StepId, error.Field, error.Reason, error.ToString());
}

/// <summary>
/// A flow file as the hub sees it: the flow it serves (null when no version of it was ever valid), the version
/// active for new calls, and the errors of its current content (empty when that content is the active version).
/// </summary>
public sealed record FlowFileResponse(
    string FileName,
    string? FlowId,
    FlowKind? Kind,
    IReadOnlyList<string> Numbers,
    string? ActiveVersion,
    DateTimeOffset? ActivatedAt,
    IReadOnlyList<FlowErrorResponse> Errors)
{
    internal static FlowFileResponse From(FlowFileState file) => new(
        file.FileName,
        file.Active?.Flow.Id,
        file.Active?.Flow.Kind,
        file.Active?.Flow.Numbers ?? [],
        file.Active?.Version,
        file.Active?.ActivatedAt,
        [.. file.Errors.Select(FlowErrorResponse.From)]);
}

/// <summary>The result of checking a flow: valid or not, the flow id and the version it would get, and every error.</summary>
public sealed record FlowValidationResponse(bool Valid, string? FlowId, string? Version, IReadOnlyList<FlowErrorResponse> Errors);

/// <summary>A call's IVR session: flow and version, language, where it is, its variables and trace.</summary>
public sealed record CallIvrResponse(
    string CallSid,
    string FlowId,
    string FlowVersion,
    string Language,
    string CurrentStep,
    int Turn,
    bool Ended,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, FlowValue> Variables,
    IReadOnlyList<TraceEntry> Trace);
