using System.Data.Common;
using System.Text.Json;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Surveys;

/// <summary>Survey versions, questions and triggers as JSON.</summary>
internal sealed class SurveyDefinitionRepository(IDbConnectionFactory db, ISqlDialect dialect) : ISurveyDefinitionRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = "d.id, d.survey_key, d.version, d.name_zh, d.name_en, d.questions, d.triggers, d.retired_at, d.created_at, d.created_by_user_id";

    private const string ListCurrentSql = $"""
        SELECT {Columns} FROM survey_definition d
        WHERE d.retired_at IS NULL AND d.version = (SELECT MAX(v.version) FROM survey_definition v WHERE v.survey_key = d.survey_key)
        ORDER BY d.survey_key
        """;

    public async Task<IReadOnlyList<SurveyDefinition>> ListCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await ListCurrentAsync(connection, null, cancellationToken);
    }

    public async Task<IReadOnlyList<SurveyDefinition>> ListCurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(ListCurrentSql, transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(ToDefinition)];
    }

    private const string LatestSql = $"""
        SELECT {Columns} FROM survey_definition d
        WHERE d.survey_key = @Key AND d.version = (SELECT MAX(v.version) FROM survey_definition v WHERE v.survey_key = @Key)
        """;

    public async Task<SurveyDefinition?> LatestAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LatestSql, new { Key = key }, cancellationToken: cancellationToken));
        return row is null ? null : ToDefinition(row);
    }

    private const string FindVersionSql = $"SELECT {Columns} FROM survey_definition d WHERE d.survey_key = @Key AND d.version = @Version";

    public async Task<SurveyDefinition?> FindVersionAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindVersionSql, new { Key = key, Version = version }, cancellationToken: cancellationToken));
        return row is null ? null : ToDefinition(row);
    }

    private const string FindSql = $"SELECT {Columns} FROM survey_definition d WHERE d.id = @Id";

    public async Task<SurveyDefinition?> FindAsync(Guid id, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ToDefinition(row);
    }

    private const string InsertSql = """
        INSERT INTO survey_definition (id, survey_key, version, name_zh, name_en, questions, triggers, retired_at, created_at, created_by_user_id)
        VALUES (@Id, @Key, @Version, @NameZh, @NameEn, @Questions, @Triggers, NULL, @CreatedAt, @CreatedByUserId)
        """;

    public async Task<bool> TryAddAsync(SurveyDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSql,
                new
                {
                    definition.Id,
                    definition.Key,
                    definition.Version,
                    definition.NameZh,
                    definition.NameEn,
                    Questions = JsonSerializer.Serialize(definition.Questions, Json),
                    Triggers = JsonSerializer.Serialize(definition.Triggers, Json),
                    definition.CreatedAt,
                    definition.CreatedByUserId,
                },
                cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string RetireSql = "UPDATE survey_definition SET retired_at = @At WHERE survey_key = @Key AND retired_at IS NULL";

    public async Task<bool> RetireAsync(string key, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(RetireSql, new { Key = key, At = at }, cancellationToken: cancellationToken)) > 0;
    }

    private static SurveyDefinition ToDefinition(Row row) => new()
    {
        Id = row.Id,
        Key = row.SurveyKey,
        Version = row.Version,
        NameZh = row.NameZh,
        NameEn = row.NameEn,
        Questions = JsonSerializer.Deserialize<List<SurveyQuestion>>(row.Questions, Json) ?? [],
        Triggers = JsonSerializer.Deserialize<List<SurveyTrigger>>(row.Triggers, Json) ?? [],
        RetiredAt = row.RetiredAt,
        CreatedAt = row.CreatedAt,
        CreatedByUserId = row.CreatedByUserId,
    };

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string SurveyKey { get; init; } = "";
        public int Version { get; init; }
        public string NameZh { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string Questions { get; init; } = "[]";
        public string Triggers { get; init; } = "[]";
        public DateTime? RetiredAt { get; init; }
        public DateTime CreatedAt { get; init; }
        public Guid? CreatedByUserId { get; init; }
    }
}
