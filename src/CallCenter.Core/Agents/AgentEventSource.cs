namespace CallCenter.Core.Agents;

/// <summary>Who asks for a transition.</summary>
public enum AgentEventSource
{
    /// <summary>The agent (or a supervisor acting for them) from the desk.</summary>
    Agent,

    /// <summary>The hub itself: routers, call events, timers.</summary>
    System,
}
