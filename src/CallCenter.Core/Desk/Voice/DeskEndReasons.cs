namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// Why an agent's call ended: the codes of <c>DeskCallEnded.Reason</c>, and <see cref="Requeued"/> for a caller sent
/// back in line because the agent's phone did not answer (pushed to the agent as <see cref="Failed"/>).
/// </summary>
public static class DeskEndReasons
{
    public const string CallerHungUp = "caller-hung-up";
    public const string AgentHungUp = "agent-hung-up";
    public const string Transferred = "transferred";
    public const string Failed = "failed";
    public const string Requeued = "requeued";
}
