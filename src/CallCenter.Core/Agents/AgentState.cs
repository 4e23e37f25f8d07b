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

/// <summary>Stored codes of <see cref="AgentState"/> (kebab-case, as the JSON shows them).</summary>
public static class AgentStates
{
    public static string ToCode(this AgentState state) => state switch
    {
        AgentState.Offline => "offline",
        AgentState.Available => "available",
        AgentState.Reserved => "reserved",
        AgentState.Busy => "busy",
        AgentState.WrapUp => "wrap-up",
        AgentState.Break => "break",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown agent state."),
    };

    public static AgentState Parse(string code) => code switch
    {
        "offline" => AgentState.Offline,
        "available" => AgentState.Available,
        "reserved" => AgentState.Reserved,
        "busy" => AgentState.Busy,
        "wrap-up" => AgentState.WrapUp,
        "break" => AgentState.Break,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown agent state code."),
    };
}
