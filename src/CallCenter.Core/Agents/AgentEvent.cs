namespace CallCenter.Core.Agents;

/// <summary>An event with its data: the break reason, or the wrap-up time of the call's queue.</summary>
public sealed record AgentEvent(AgentEventKind Kind, string? Reason = null, int WrapUpSeconds = 0)
{
    public static AgentEvent Break(string reason) => new(AgentEventKind.SetBreak, reason);

    public static AgentEvent CallEnded(int wrapUpSeconds) => new(AgentEventKind.CallEnded, WrapUpSeconds: wrapUpSeconds);

    public static AgentEvent Of(AgentEventKind kind) => new(kind);
}
