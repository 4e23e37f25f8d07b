namespace AgentDesk.Contracts;

/// <summary>Reason codes: caller-hung-up, agent-hung-up, transferred, failed.</summary>
public sealed record DeskCallEnded(string CallSid, string Reason, int TalkSeconds, DateTimeOffset? WrapUpUntil);
