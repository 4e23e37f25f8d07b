namespace AgentDesk.Contracts;

/// <summary>A supervisor signed this agent out: the hub closes the desk's connections and refuses the old token.</summary>
public sealed record DeskSignedOut(string By, DateTimeOffset At);
