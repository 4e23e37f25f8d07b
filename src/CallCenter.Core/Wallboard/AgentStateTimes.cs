using CallCenter.Core.Agents;

namespace CallCenter.Core.Wallboard;

/// <summary>How long one agent spent in each state over a period, from agent_state_event.</summary>
public sealed record AgentStateTimes
{
    public static AgentStateTimes Zero { get; } = new();

    public TimeSpan Available { get; init; }
    public TimeSpan Reserved { get; init; }
    public TimeSpan Busy { get; init; }
    public TimeSpan WrapUp { get; init; }
    public TimeSpan Break { get; init; }
    public TimeSpan Offline { get; init; }

    public AgentStateTimes Plus(AgentState state, TimeSpan span) => state switch
    {
        AgentState.Available => this with { Available = Available + span },
        AgentState.Reserved => this with { Reserved = Reserved + span },
        AgentState.Busy => this with { Busy = Busy + span },
        AgentState.WrapUp => this with { WrapUp = WrapUp + span },
        AgentState.Break => this with { Break = Break + span },
        _ => this with { Offline = Offline + span },
    };
}
