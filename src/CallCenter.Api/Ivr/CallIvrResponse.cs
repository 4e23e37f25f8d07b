using Ivr.Flows.Execution;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace CallCenter.Api.Ivr;

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
