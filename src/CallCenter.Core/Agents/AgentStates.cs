namespace CallCenter.Core.Agents;

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
