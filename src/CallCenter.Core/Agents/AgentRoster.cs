using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Agents;

/// <summary>One agent on the live roster: who, their state (offline when never seen), time in it, and skills.</summary>
public sealed record AgentRosterRow
{
    public required Guid UserId { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public required AgentState State { get; init; }
    public string? Reason { get; init; }
    public DateTime? Since { get; init; }
    public TimeSpan? TimeInState { get; init; }
    public IReadOnlyList<AgentSkill> Skills { get; init; } = [];
}

internal sealed class AgentRoster(IDbConnectionFactory db, IAgentProfileRepository profiles, TimeProvider time) : IAgentRoster
{
    private const string RosterSql = """
        SELECT u.id AS user_id, u.user_name, u.display_name, u.role, s.state, s.reason, s.since
        FROM app_user u LEFT JOIN agent_status s ON s.user_id = u.id
        WHERE u.role = @AgentRole OR s.user_id IS NOT NULL
        ORDER BY u.user_name
        """;

    public async Task<IReadOnlyList<AgentRosterRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skills = (await profiles.ListAsync(cancellationToken)).ToDictionary(p => p.UserId, p => p.Skills);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(RosterSql, new { AgentRole = Roles.Agent }, cancellationToken: cancellationToken));
        return rows.Select(r => new AgentRosterRow
        {
            UserId = r.UserId, UserName = r.UserName, DisplayName = r.DisplayName, Role = r.Role,
            State = r.State is { } code ? AgentStates.Parse(code) : AgentState.Offline, Reason = r.Reason, Since = r.Since,
            TimeInState = r.Since is { } since ? (now > since ? now - since : TimeSpan.Zero) : null,
            Skills = skills.GetValueOrDefault(r.UserId) ?? [],
        }).ToList();
    }

    private sealed record Row
    {
        public Guid UserId { get; init; }
        public string UserName { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? State { get; init; }
        public string? Reason { get; init; }
        public DateTime? Since { get; init; }
    }
}
