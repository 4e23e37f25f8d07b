namespace AgentDesk.Contracts;

/// <summary>State codes: "available", "break", "offline", or "end-wrap-up" to finish after-call work early.</summary>
public sealed record SetStateRequest(string State, string? Reason = null);
