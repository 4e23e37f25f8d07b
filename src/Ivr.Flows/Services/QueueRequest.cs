namespace Ivr.Flows.Services;

/// <summary>A call joining a queue, with what routing needs (priority, skills) and the IVR's summary for the screen-pop.</summary>
public sealed record QueueRequest(
    string CallSid,
    string Queue,
    int Priority,
    IReadOnlyList<string> Skills,
    Guid? PatientId,
    string CallerNumber,
    string Language);
