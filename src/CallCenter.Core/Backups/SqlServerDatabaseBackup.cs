using CallCenter.Core.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CallCenter.Core.Backups;

/// <summary>
/// SQL Server: its native <c>BACKUP DATABASE ... TO DISK</c> (online, COPY_ONLY so it does not disturb a hospital's
/// own backup chain, with checksums) and <c>RESTORE DATABASE ... FROM DISK</c>. The file is written and read by the
/// database server, on its own disks: <c>Backup:Directory</c> must be a folder the server can reach. A failed
/// restore leaves the database in the RESTORING state, never half-loaded and open. Not run on our build machines: the
/// statements are parsed with ScriptDom by the tests.
/// </summary>
internal sealed class SqlServerDatabaseBackup(DatabaseEngine engine) : IDatabaseBackup
{
    private const int CannotOpenDatabase = 4060;

    private const string BackupDatabaseSql = "BACKUP DATABASE @Database TO DISK = @Path WITH COPY_ONLY, CHECKSUM, INIT, STATS = 10";

    private const string VerifyBackupSql = "RESTORE VERIFYONLY FROM DISK = @Path WITH CHECKSUM";

    private const string RestoreDatabaseSql = "RESTORE DATABASE @Database FROM DISK = @Path WITH CHECKSUM, STATS = 10";

    private const string RestoreReplacingDatabaseSql = "RESTORE DATABASE @Database FROM DISK = @Path WITH CHECKSUM, REPLACE, STATS = 10";

    private const string CountTablesSql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'";

    private string Database => new SqlConnectionStringBuilder(engine.ConnectionString).InitialCatalog;

    public string Extension => "bak";

    public bool WritesLocalFile => false;

    public async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await engine.OpenAsync(cancellationToken);
        }
        catch (SqlException ex)
        {
            throw new BackupFailedException($"The SQL Server database {Database} cannot be reached: {ex.Message}", ex);
        }
    }

    public async Task BackupAsync(string file, IProgress<string> progress, CancellationToken cancellationToken)
    {
        await using var connection = (SqlConnection)await engine.OpenAsync(cancellationToken);
        connection.InfoMessage += (_, e) => progress.Report(e.Message);
        await connection.ExecuteAsync(new CommandDefinition(
            BackupDatabaseSql, new { Database, Path = file }, commandTimeout: 0, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await engine.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountTablesSql, cancellationToken: cancellationToken)) == 0;
        }
        catch (SqlException ex) when (ex.Number == CannotOpenDatabase)
        {
            return true;
        }
    }

    public async Task RestoreAsync(string file, bool replaceExisting, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var master = new SqlConnectionStringBuilder(engine.ConnectionString) { InitialCatalog = "master" };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        connection.InfoMessage += (_, e) => progress.Report(e.Message);
        progress.Report("Checking the backup file");
        await connection.ExecuteAsync(new CommandDefinition(VerifyBackupSql, new { Path = file }, commandTimeout: 0, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            replaceExisting ? RestoreReplacingDatabaseSql : RestoreDatabaseSql,
            new { Database, Path = file },
            commandTimeout: 0,
            cancellationToken: cancellationToken));
        SqlConnection.ClearAllPools();
    }
}
