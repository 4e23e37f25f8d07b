namespace CallCenter.Core.Agents;

/// <summary>One line of the roster: the agent's status and how long they have been in it.</summary>
public sealed record AgentRosterEntry(AgentStatus Status, TimeSpan TimeInState);
