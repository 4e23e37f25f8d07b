using CallCenter.Core.Data;
using Dapper;

namespace Notifications.Jobs;

internal sealed class JobRunRepository(IDbConnectionFactory connections, ISqlDialect dialect) : IJobRunRepository
{
    private const string Columns = "id, job_group, job_name, fire_instance_id, node, manual, started_at, ended_at, outcome, error_summary, progress_percent, progress_note";

    private const string InsertSql = """
        INSERT INTO job_run (id, job_group, job_name, fire_instance_id, node, manual, started_at, ended_at, outcome, error_summary, progress_percent, progress_note)
        VALUES (@Id, @JobGroup, @JobName, @FireInstanceId, @Node, @Manual, @StartedAt, NULL, 'running', NULL, NULL, NULL)
        """;

    public async Task StartedAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, run, cancellationToken: cancellationToken));
    }

    private const string EndSql = """
        UPDATE job_run SET ended_at = @EndedAt, outcome = @Outcome, error_summary = @ErrorSummary
        WHERE node = @Node AND fire_instance_id = @FireInstanceId AND outcome = 'running'
        """;

    public async Task EndedAsync(string node, string fireInstanceId, DateTime endedAt, string outcome, string? errorSummary, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            EndSql, new { Node = node, FireInstanceId = fireInstanceId, EndedAt = endedAt, Outcome = outcome, ErrorSummary = errorSummary }, cancellationToken: cancellationToken));
    }

    private const string ProgressSql = """
        UPDATE job_run SET progress_percent = @Percent, progress_note = @Note
        WHERE node = @Node AND fire_instance_id = @FireInstanceId AND outcome = 'running'
        """;

    public async Task ProgressAsync(string node, string fireInstanceId, int percent, string? note, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ProgressSql, new { Node = node, FireInstanceId = fireInstanceId, Percent = percent, Note = note }, cancellationToken: cancellationToken));
    }

    private const string AbandonSql = "UPDATE job_run SET outcome = 'abandoned' WHERE id = @Id AND outcome = 'running'";

    public async Task<int> AbandonOpenRunsAsync(IReadOnlyCollection<string> liveNodes, CancellationToken cancellationToken = default)
    {
        var stale = (await RunningAsync(cancellationToken)).Where(r => !liveNodes.Contains(r.Node, StringComparer.Ordinal)).ToList();
        if (stale.Count == 0)
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var abandoned = 0;
        foreach (var run in stale)
        {
            abandoned += await connection.ExecuteAsync(new CommandDefinition(AbandonSql, new { run.Id }, cancellationToken: cancellationToken));
        }

        return abandoned;
    }

    private const string LastFinishedSql = $"""
        SELECT {Columns} FROM job_run r
        WHERE r.outcome <> 'running'
          AND r.started_at = (SELECT MAX(x.started_at) FROM job_run x
                              WHERE x.job_group = r.job_group AND x.job_name = r.job_name AND x.outcome <> 'running')
        """;

    public async Task<IReadOnlyList<JobRun>> LastFinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRun>(new CommandDefinition(LastFinishedSql, cancellationToken: cancellationToken));

        // Two runs of one job may share a start time; keep one.
        return rows.GroupBy(r => (r.JobGroup, r.JobName)).Select(g => g.OrderByDescending(r => r.EndedAt).First()).ToList();
    }

    private const string RunningSql = $"SELECT {Columns} FROM job_run WHERE outcome = 'running' ORDER BY started_at";

    public async Task<IReadOnlyList<JobRun>> RunningAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<JobRun>(new CommandDefinition(RunningSql, cancellationToken: cancellationToken))).ToList();
    }

    private const string RecentSql = $"""
        SELECT {Columns} FROM job_run WHERE job_group = @JobGroup AND job_name = @JobName
        ORDER BY started_at DESC {SqlMarkers.Page}
        """;

    public async Task<IReadOnlyList<JobRun>> RecentAsync(string jobGroup, string jobName, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRun>(new CommandDefinition(
            dialect.Render(RecentSql), new { JobGroup = jobGroup, JobName = jobName, Skip = 0, Take = take }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private const string PurgeSql = "DELETE FROM job_run WHERE started_at < @Cutoff AND outcome <> 'running'";

    public async Task<int> PurgeAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { Cutoff = cutoff }, cancellationToken: cancellationToken));
    }
}
