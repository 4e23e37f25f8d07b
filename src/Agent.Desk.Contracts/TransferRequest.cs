namespace AgentDesk.Contracts;

/// <summary>
/// Kind: "queue" (Target is a queue name), "agent" (a user name) or "number" (E.164 or a local number).
/// Warm: the caller holds while the target is offered the call with the screen-pop; the agent stays on until the
/// target takes it. Cold: the agent is released at once.
/// </summary>
public sealed record TransferRequest(string CallSid, string Kind, string Target, bool Warm = false, string? Note = null);
