namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// A call whose agent hung up first: the caller's call, the agent, the queue, the caller's language (zh-CN or en-US),
/// the patient when known, and the number the caller called from.
/// </summary>
public sealed record AgentLeftCaller(
    string CallSid, Guid OfferId, Guid AgentId, string QueueName, string Language, Guid? PatientId, string? CallerNumber, DateTime At);
