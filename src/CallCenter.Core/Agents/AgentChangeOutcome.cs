namespace CallCenter.Core.Agents;

public enum AgentChangeOutcome
{
    Applied,

    /// <summary>The state machine does not allow the event from the agent's current state (or from this source).</summary>
    Refused,

    /// <summary>Another writer moved the agent first; nothing was changed. Read again and retry if still wanted.</summary>
    Conflict,

    /// <summary>No such user.</summary>
    NotFound,
}
