using Ivr.Flows.Values;

namespace Ivr.Flows.Execution;

/// <summary>
/// How a session begins: its key (CallSid), the language if already known, the variables the hub knows
/// (<see cref="FlowVariables"/>: caller number, hotline number...), and for SMS the first message.
/// <paramref name="VerifiedPatientId"/> is for a call the hub itself placed to a patient's number on record (a
/// reminder call): the session starts verified for that patient. Never set it from anything a caller sent.
/// </summary>
public sealed record FlowStart(
    string Key, IReadOnlyDictionary<string, FlowValue> Variables, string? Language = null, FlowInput? Input = null, Guid? VerifiedPatientId = null);
