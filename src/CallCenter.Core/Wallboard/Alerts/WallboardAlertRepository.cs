using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Wallboard.Alerts;

internal sealed class WallboardAlertRepository(IDbConnectionFactory db, ISqlDialect dialect) : IWallboardAlertRepository
{
    private const string LevelsSql = "SELECT queue_name AS Queue, metric AS Metric, level AS Level FROM wallboard_alert_level";

    public async Task<IReadOnlyList<StoredAlertLevel>> LevelsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LevelRow>(new CommandDefinition(LevelsSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StoredAlertLevel(r.Queue, r.Metric, ThresholdLevelCodes.Parse(r.Level)))];
    }

    private const string EnsureSql = """
        INSERT INTO wallboard_alert_level (queue_name, metric, level, changed_at, emailed_at, emailed_level)
        VALUES (@Queue, @Metric, 'normal', @Now, NULL, NULL)
        """;

    public async Task EnsureAsync(string queue, string metric, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(EnsureSql, new { Queue = queue, Metric = metric, Now = now }, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Another node stored it first: its level stands.
        }
    }

    private const string MoveSql = """
        UPDATE wallboard_alert_level SET level = @To, changed_at = @Now
        WHERE queue_name = @Queue AND metric = @Metric AND level = @From
        """;

    public async Task<bool> TryMoveAsync(
        DbTransaction transaction, string queue, string metric, ThresholdLevel fromLevel, ThresholdLevel toLevel, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            MoveSql, new { Queue = queue, Metric = metric, From = fromLevel.ToCode(), To = toLevel.ToCode(), Now = now }, transaction, cancellationToken: cancellationToken));
        return changed == 1;
    }

    private const string ClaimEmailSql = """
        UPDATE wallboard_alert_level SET emailed_at = @Now, emailed_level = @Level
        WHERE queue_name = @Queue AND metric = @Metric
          AND (emailed_at IS NULL OR emailed_at <= @WindowStart
               OR (@Level = 'critical' AND emailed_level <> 'critical'))
        """;

    public async Task<bool> TryClaimEmailAsync(
        DbTransaction transaction, string queue, string metric, ThresholdLevel level, DateTime now, DateTime windowStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            ClaimEmailSql, new { Queue = queue, Metric = metric, Level = level.ToCode(), Now = now, WindowStart = windowStart }, transaction, cancellationToken: cancellationToken));
        return changed == 1;
    }

    private const string AddSql = """
        INSERT INTO wallboard_alert (id, queue_name, queue_display_name, metric, level, previous_level, value, threshold, emailed, raised_at)
        VALUES (@Id, @Queue, @QueueDisplayName, @Metric, @Level, @Previous, @Value, @Threshold, @Emailed, @RaisedAt)
        """;

    public async Task AddAsync(DbTransaction transaction, WallboardAlertRecord alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(alert);
        var a = alert.Alert;
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AddSql,
            new
            {
                alert.Id, a.Queue, alert.QueueDisplayName, a.Metric, Level = a.Level.ToCode(), Previous = a.Previous.ToCode(),
                a.Value, a.Threshold, alert.Emailed, RaisedAt = a.At,
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    private const string RecentSql = $"""
        SELECT id AS Id, queue_name AS Queue, queue_display_name AS QueueDisplayName, metric AS Metric, level AS Level,
               previous_level AS Previous, value AS Value, threshold AS Threshold, emailed AS Emailed, raised_at AS RaisedAt
        FROM wallboard_alert
        ORDER BY raised_at DESC, id DESC {SqlMarkers.Page}
        """;

    public async Task<IReadOnlyList<WallboardAlertRecord>> RecentAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            dialect.Render(RecentSql), new { Skip = 0, Take = take }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new WallboardAlertRecord(
            r.Id,
            new WallboardAlert(r.Queue, r.Metric, ThresholdLevelCodes.Parse(r.Level), ThresholdLevelCodes.Parse(r.Previous), r.Value, r.Threshold, DateTime.SpecifyKind(r.RaisedAt, DateTimeKind.Utc)),
            r.QueueDisplayName,
            r.Emailed))];
    }

    private sealed record LevelRow(string Queue, string Metric, string Level);

    private sealed class AlertRow
    {
        public Guid Id { get; init; }
        public string Queue { get; init; } = "";
        public string QueueDisplayName { get; init; } = "";
        public string Metric { get; init; } = "";
        public string Level { get; init; } = "";
        public string Previous { get; init; } = "";
        public double Value { get; init; }
        public double? Threshold { get; init; }
        public bool Emailed { get; init; }
        public DateTime RaisedAt { get; init; }
    }
}
