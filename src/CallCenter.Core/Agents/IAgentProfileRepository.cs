namespace CallCenter.Core.Agents;

/// <summary>Agents' endpoints, skills and SMS capacity.</summary>
public interface IAgentProfileRepository
{
    /// <summary>The stored profile, or null when none is stored.</summary>
    Task<AgentProfile?> GetAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The stored profile, else the defaults for an existing user; null for an unknown user.</summary>
    Task<AgentProfile?> EffectiveAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Every stored profile with its skills.</summary>
    Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the profile and replaces the agent's skills, in one transaction (the user must exist).</summary>
    Task UpsertAsync(AgentProfile profile, CancellationToken cancellationToken = default);
}
