namespace CallCenter.Core.Routing;

/// <summary>How one attempt to offer one piece of work to one agent ended.</summary>
internal enum Claim
{
    Made,

    /// <summary>The work was no longer waiting: no other agent need be tried for it.</summary>
    WorkTaken,

    /// <summary>The agent could not take it (reserved, out of SMS room, or a concurrent claim won): try the next one.</summary>
    AgentTaken,
}
