namespace CallCenter.Core.Queues;

/// <summary>How a queue picks the agent for its next call.</summary>
public enum QueueStrategy
{
    /// <summary>The agent available the longest (the default).</summary>
    LongestIdle,
    RoundRobin,
    FewestCalls,

    /// <summary>The agent with the highest proficiency in the queue's skills.</summary>
    SkillsProficiency,
}
