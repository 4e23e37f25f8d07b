using System.Data.Common;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Routing;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Agents;

internal sealed class AgentProfileRepository(
    IDbConnectionFactory db, ISqlDialect dialect, IUserRepository users, IOptions<RoutingOptions> routing, TimeProvider time) : IAgentProfileRepository
{
    private const string Columns = "user_id, endpoint_kind, endpoint, sms_capacity, last_offered_at, updated_at";

    private const string GetSql = $"SELECT {Columns} FROM agent_profile WHERE user_id = @UserId";

    private const string SkillsOfSql = "SELECT user_id, skill, proficiency FROM agent_skill WHERE user_id = @UserId ORDER BY skill";

    public async Task<AgentProfile?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new { UserId = userId };
        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(GetSql, parameters, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var skills = await connection.QueryAsync<SkillRow>(new CommandDefinition(SkillsOfSql, parameters, cancellationToken: cancellationToken));
        return row.ToProfile(skills);
    }

    public async Task<AgentProfile?> EffectiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, cancellationToken) is { } stored)
        {
            return stored;
        }

        return await users.FindByIdAsync(userId, cancellationToken) is { } user
            ? AgentProfile.Default(userId, user.UserName, routing.Value.DefaultSmsCapacity)
            : null;
    }

    private const string ListSql = $"SELECT {Columns} FROM agent_profile ORDER BY user_id";

    private const string AllSkillsSql = "SELECT user_id, skill, proficiency FROM agent_skill ORDER BY user_id, skill";

    public async Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProfileRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        var skills = (await connection.QueryAsync<SkillRow>(new CommandDefinition(AllSkillsSql, cancellationToken: cancellationToken))).ToLookup(s => s.UserId);
        return rows.Select(r => r.ToProfile(skills[r.UserId])).ToList();
    }

    private const string UpdateSql = """
        UPDATE agent_profile SET endpoint_kind = @EndpointKind, endpoint = @Endpoint, sms_capacity = @SmsCapacity, updated_at = @UpdatedAt
        WHERE user_id = @UserId
        """;

    private const string InsertSql = """
        INSERT INTO agent_profile (user_id, endpoint_kind, endpoint, sms_capacity, last_offered_at, updated_at)
        VALUES (@UserId, @EndpointKind, @Endpoint, @SmsCapacity, NULL, @UpdatedAt)
        """;

    private const string DeleteSkillsSql = "DELETE FROM agent_skill WHERE user_id = @UserId";

    private const string InsertSkillSql = "INSERT INTO agent_skill (user_id, skill, proficiency) VALUES (@UserId, @Skill, @Proficiency)";

    public async Task UpsertAsync(AgentProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var row = new
        {
            profile.UserId, EndpointKind = profile.EndpointKind.ToCode(), profile.Endpoint, profile.SmsCapacity,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await WriteAsync(connection, tx, row, profile, cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return;
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex) && attempt == 0)
            {
                // Two first saves of the same agent at once: the insert lost, so the row exists now; update it.
                await tx.RollbackAsync(cancellationToken);
            }
        }
    }

    private static async Task WriteAsync(DbConnection connection, DbTransaction tx, object row, AgentProfile profile, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, row, transaction: tx, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction: tx, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(DeleteSkillsSql, new { profile.UserId }, transaction: tx, cancellationToken: cancellationToken));
        foreach (var skill in profile.Skills)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSkillSql, new { profile.UserId, skill.Skill, skill.Proficiency }, transaction: tx, cancellationToken: cancellationToken));
        }
    }

    private sealed record ProfileRow
    {
        public Guid UserId { get; init; }
        public string EndpointKind { get; init; } = "";
        public string Endpoint { get; init; } = "";
        public int SmsCapacity { get; init; }
        public DateTime? LastOfferedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public AgentProfile ToProfile(IEnumerable<SkillRow> skills) => new()
        {
            UserId = UserId, EndpointKind = AgentEndpointKinds.Parse(EndpointKind) ?? AgentEndpointKind.Client, Endpoint = Endpoint,
            SmsCapacity = SmsCapacity, LastOfferedAt = LastOfferedAt, UpdatedAt = UpdatedAt,
            Skills = skills.Select(s => new AgentSkill(s.Skill, s.Proficiency)).ToList(),
        };
    }

    private sealed record SkillRow
    {
        public Guid UserId { get; init; }
        public string Skill { get; init; } = "";
        public int Proficiency { get; init; }
    }
}
