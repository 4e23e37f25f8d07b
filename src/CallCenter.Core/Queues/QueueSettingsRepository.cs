using System.Data.Common;
using System.Text.Json;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Queues;

internal sealed class QueueSettingsRepository(IDbConnectionFactory db, ISqlDialect dialect) : IQueueSettingsRepository
{
    private const string Columns = """
        name, display_name, required_skills, strategy, service_level_seconds, max_wait_seconds, overflow_kind, overflow_queue,
        wrap_up_seconds, callback_mode, short_abandon_seconds, longest_wait_warning_seconds, longest_wait_critical_seconds,
        service_level_warning_percent, service_level_critical_percent, waiting_warning, waiting_critical, created_at, updated_at
        """;

    private const string ListSql = $"SELECT {Columns} FROM call_queue ORDER BY name";

    public async Task<IReadOnlyList<QueueSettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSettings()).ToList();
    }

    private const string FindSql = $"SELECT {Columns} FROM call_queue WHERE name = @Name";

    public async Task<QueueSettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindSql, new { Name = name }, cancellationToken: cancellationToken));
        return row?.ToSettings();
    }

    private const string InsertSql = """
        INSERT INTO call_queue (name, display_name, required_skills, strategy, service_level_seconds, max_wait_seconds, overflow_kind,
                                overflow_queue, wrap_up_seconds, callback_mode, short_abandon_seconds, longest_wait_warning_seconds,
                                longest_wait_critical_seconds, service_level_warning_percent, service_level_critical_percent, waiting_warning,
                                waiting_critical, created_at, updated_at)
        VALUES (@Name, @DisplayName, @RequiredSkills, @Strategy, @ServiceLevelSeconds, @MaxWaitSeconds, @OverflowKind,
                @OverflowQueue, @WrapUpSeconds, @CallbackMode, @ShortAbandonSeconds, @LongestWaitWarningSeconds,
                @LongestWaitCriticalSeconds, @ServiceLevelWarningPercent, @ServiceLevelCriticalPercent, @WaitingWarning,
                @WaitingCritical, @CreatedAt, NULL)
        """;

    public async Task<bool> TryCreateAsync(QueueSettings queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, Row.From(queue), cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string UpdateSql = """
        UPDATE call_queue
        SET display_name = @DisplayName, required_skills = @RequiredSkills, strategy = @Strategy,
            service_level_seconds = @ServiceLevelSeconds, max_wait_seconds = @MaxWaitSeconds, overflow_kind = @OverflowKind,
            overflow_queue = @OverflowQueue, wrap_up_seconds = @WrapUpSeconds, callback_mode = @CallbackMode,
            short_abandon_seconds = @ShortAbandonSeconds, longest_wait_warning_seconds = @LongestWaitWarningSeconds,
            longest_wait_critical_seconds = @LongestWaitCriticalSeconds, service_level_warning_percent = @ServiceLevelWarningPercent,
            service_level_critical_percent = @ServiceLevelCriticalPercent, waiting_warning = @WaitingWarning,
            waiting_critical = @WaitingCritical, updated_at = @UpdatedAt
        WHERE name = @Name
        """;

    public async Task<bool> UpdateAsync(QueueSettings queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdateSql, Row.From(queue), cancellationToken: cancellationToken)) == 1;
    }

    // One statement, so a reference added between a check and the delete cannot slip through unnoticed;
    // queue_entry and callback_request also hold foreign keys to the queue.
    private const string DeleteUnusedSql = """
        DELETE FROM call_queue
        WHERE name = @Name
          AND NOT EXISTS (SELECT 1 FROM queue_entry WHERE queue_name = @Name)
          AND NOT EXISTS (SELECT 1 FROM callback_request WHERE queue_name = @Name)
          AND NOT EXISTS (SELECT 1 FROM call_queue q WHERE q.overflow_queue = @Name)
        """;

    private const string ExistsSql = "SELECT COUNT(*) FROM call_queue WHERE name = @Name";

    public async Task<QueueDeleteOutcome> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new { Name = name };
        if (await connection.ExecuteAsync(new CommandDefinition(DeleteUnusedSql, parameters, cancellationToken: cancellationToken)) == 1)
        {
            return QueueDeleteOutcome.Deleted;
        }

        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ExistsSql, parameters, cancellationToken: cancellationToken)) > 0;
        return exists ? QueueDeleteOutcome.InUse : QueueDeleteOutcome.NotFound;
    }

    /// <summary>The stored shape: enums as kebab-case codes, skills comma-separated (as queue entries store them).</summary>
    private sealed record Row
    {
        public required string Name { get; init; }
        public required string DisplayName { get; init; }
        public string? RequiredSkills { get; init; }
        public required string Strategy { get; init; }
        public int ServiceLevelSeconds { get; init; }
        public int MaxWaitSeconds { get; init; }
        public required string OverflowKind { get; init; }
        public string? OverflowQueue { get; init; }
        public int WrapUpSeconds { get; init; }
        public string CallbackMode { get; init; } = "agent-first";
        public int ShortAbandonSeconds { get; init; }
        public int? LongestWaitWarningSeconds { get; init; }
        public int? LongestWaitCriticalSeconds { get; init; }
        public int? ServiceLevelWarningPercent { get; init; }
        public int? ServiceLevelCriticalPercent { get; init; }
        public int? WaitingWarning { get; init; }
        public int? WaitingCritical { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? UpdatedAt { get; init; }

        public static Row From(QueueSettings queue) => new()
        {
            Name = queue.Name,
            DisplayName = queue.DisplayName,
            RequiredSkills = queue.RequiredSkills.Count == 0 ? null : string.Join(',', queue.RequiredSkills),
            Strategy = Code(queue.Strategy),
            ServiceLevelSeconds = queue.ServiceLevelSeconds,
            MaxWaitSeconds = queue.MaxWaitSeconds,
            OverflowKind = Code(queue.OverflowKind),
            OverflowQueue = queue.OverflowQueue,
            WrapUpSeconds = queue.WrapUpSeconds,
            CallbackMode = Code(queue.CallbackMode),
            ShortAbandonSeconds = queue.ShortAbandonSeconds,
            LongestWaitWarningSeconds = queue.Thresholds.LongestWaitWarningSeconds,
            LongestWaitCriticalSeconds = queue.Thresholds.LongestWaitCriticalSeconds,
            ServiceLevelWarningPercent = queue.Thresholds.ServiceLevelWarningPercent,
            ServiceLevelCriticalPercent = queue.Thresholds.ServiceLevelCriticalPercent,
            WaitingWarning = queue.Thresholds.WaitingWarning,
            WaitingCritical = queue.Thresholds.WaitingCritical,
            CreatedAt = queue.CreatedAt,
            UpdatedAt = queue.UpdatedAt,
        };

        public QueueSettings ToSettings() => new()
        {
            Name = Name,
            DisplayName = DisplayName,
            RequiredSkills = RequiredSkills is { Length: > 0 } skills ? skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            Strategy = Parse(Strategy, QueueStrategy.LongestIdle),
            ServiceLevelSeconds = ServiceLevelSeconds,
            MaxWaitSeconds = MaxWaitSeconds,
            OverflowKind = Parse(OverflowKind, QueueOverflowKind.None),
            OverflowQueue = OverflowQueue,
            WrapUpSeconds = WrapUpSeconds,
            CallbackMode = Parse(CallbackMode, QueueCallbackMode.AgentFirst),
            ShortAbandonSeconds = ShortAbandonSeconds,
            Thresholds = new QueueThresholds
            {
                LongestWaitWarningSeconds = LongestWaitWarningSeconds, LongestWaitCriticalSeconds = LongestWaitCriticalSeconds,
                ServiceLevelWarningPercent = ServiceLevelWarningPercent, ServiceLevelCriticalPercent = ServiceLevelCriticalPercent,
                WaitingWarning = WaitingWarning, WaitingCritical = WaitingCritical,
            },
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };

        private static string Code<TEnum>(TEnum value)
            where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

        // A code this build does not know (written by a newer hub) reads as the default rather than failing the list.
        private static TEnum Parse<TEnum>(string code, TEnum fallback)
            where TEnum : struct, Enum =>
            Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => Code(v!.Value) == code) ?? fallback;
    }
}
