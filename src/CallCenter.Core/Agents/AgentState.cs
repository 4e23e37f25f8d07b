namespace CallCenter.Core.Agents;

/// <summary>
/// Where an agent stands. Routing, the desk and the wallboard all read this one state, so a wallboard never
/// shows a busy agent as available.
/// </summary>
public enum AgentState
{
    Offline,
    Available,

    /// <summary>An offer is ringing at the agent; no other offer may reach them.</summary>
    Reserved,
    Busy,

    /// <summary>After-call work: held until the queue's wrap-up time runs out or the agent ends it.</summary>
    WrapUp,
    Break,
}
