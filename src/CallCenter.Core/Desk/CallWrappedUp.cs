namespace CallCenter.Core.Desk;

/// <summary>A call an agent has wrapped up: which, by whom, from which queue, with which patient and disposition.</summary>
public sealed record CallWrappedUp(string CallSid, Guid AgentId, string QueueName, string WorkKind, Guid? PatientId, string Disposition, DateTime At);
