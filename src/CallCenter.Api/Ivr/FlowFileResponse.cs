using CallCenter.Core.Ivr;
using Ivr.Flows.Model;
using Ivr.Flows.Values;

namespace CallCenter.Api.Ivr;

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
