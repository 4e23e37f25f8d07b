using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Agents;

/// <summary>The roster supervisors watch: every agent account, and anyone else who has taken work.</summary>
public interface IAgentRoster
{
    Task<IReadOnlyList<AgentRosterRow>> ListAsync(CancellationToken cancellationToken = default);
}
