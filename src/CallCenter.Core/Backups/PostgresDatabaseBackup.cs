using CallCenter.Core.Data;
using Dapper;
using Npgsql;

namespace CallCenter.Core.Backups;

/// <summary>
/// PostgreSQL: <c>pg_dump --format=custom</c> (one consistent snapshot while the hub runs) and <c>pg_restore</c> in
/// a single transaction that stops at the first error, so a failed restore leaves the target as it was.
/// </summary>
internal sealed class PostgresDatabaseBackup(DatabaseEngine engine, BackupOptions options) : IDatabaseBackup
{
    private const string InvalidCatalogName = "3D000";

    private const string CountTablesPostgresSql = """
        SELECT COUNT(*) FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        """;

    private readonly PostgresTools _tools = new(engine.ConnectionString, options.PostgresBinDirectory);

    public string Extension => "dump";

    public bool WritesLocalFile => true;

    public async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await engine.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new BackupFailedException($"The PostgreSQL database {_tools.Database} cannot be reached: {ex.Message}", ex);
        }
    }

    public Task BackupAsync(string file, IProgress<string> progress, CancellationToken cancellationToken) =>
        _tools.RunAsync("pg_dump", ["--format=custom", "--verbose", "--no-password", $"--file={file}"], progress, cancellationToken);

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await engine.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountTablesPostgresSql, cancellationToken: cancellationToken)) == 0;
        }
        catch (PostgresException ex) when (ex.SqlState == InvalidCatalogName)
        {
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new BackupFailedException($"The PostgreSQL database {_tools.Database} cannot be reached: {ex.Message}", ex);
        }
    }

    public async Task RestoreAsync(string file, bool replaceExisting, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report("Checking the backup file");
        try
        {
            await _tools.RunAsync("pg_restore", ["--list", file], new Progress<string>(), cancellationToken);
        }
        catch (BackupFailedException ex)
        {
            throw new BackupFailedException($"{file} is not a pg_dump archive pg_restore can read: {ex.Message}", ex);
        }

        engine.EnsureDatabaseExists();
        string[] arguments =
        [
            $"--dbname={_tools.Database}", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--verbose", "--no-password",
            .. replaceExisting ? new[] { "--clean", "--if-exists" } : [],
            file,
        ];
        await _tools.RunAsync("pg_restore", arguments, progress, cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }
}
