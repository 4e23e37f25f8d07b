using CallCenter.Core.Data;
using Microsoft.Data.Sqlite;

namespace CallCenter.Core.Backups;

/// <summary>
/// SQLite: the online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>), a consistent copy
/// while the hub keeps writing. A restore copies the backup's pages into the target the same way, in one write
/// transaction on the target: it lands whole or not at all.
/// </summary>
internal sealed class SqliteDatabaseBackup(DatabaseEngine engine) : IDatabaseBackup
{
    public string Extension => "db";

    public bool WritesLocalFile => true;

    private string DatabaseFile => Path.GetFullPath(new SqliteConnectionStringBuilder(engine.ConnectionString).DataSource);

    public async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DatabaseFile))
        {
            throw new BackupFailedException($"There is no SQLite database at {DatabaseFile} (Database:ConnectionString).");
        }

        try
        {
            await using var connection = Open(DatabaseFile, SqliteOpenMode.ReadOnly);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new BackupFailedException($"The SQLite database at {DatabaseFile} cannot be read: {ex.Message}", ex);
        }
    }

    public async Task BackupAsync(string file, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report($"Copying the SQLite database ({new FileInfo(DatabaseFile).Length / 1024:N0} KB) with the online backup API");
        await using (var source = Open(DatabaseFile, SqliteOpenMode.ReadOnly))
        await using (var target = Open(file, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);

            // The copy inherits the live file's WAL mode; a backup is one self-contained file.
            await using var command = target.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await CheckBackupAsync(file, cancellationToken);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DatabaseFile) || new FileInfo(DatabaseFile).Length == 0)
        {
            return true;
        }

        await using var connection = Open(DatabaseFile, SqliteOpenMode.ReadOnly);
        return await CountTablesAsync(connection, cancellationToken) == 0;
    }

    public async Task RestoreAsync(string file, bool replaceExisting, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report("Checking the backup file");
        await CheckBackupAsync(file, cancellationToken);

        var directory = Path.GetDirectoryName(DatabaseFile);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        progress.Report($"Copying the backup into {DatabaseFile}");
        await using (var source = Open(file, SqliteOpenMode.ReadOnly))
        await using (var target = Open(DatabaseFile, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);
            await using var command = target.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Pooled connections of this process may hold pages of the file as it was.
        SqliteConnection.ClearAllPools();
    }

    // A file is a hub backup when SQLite finds it sound and it holds the migration journal.
    private static async Task CheckBackupAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Open(file, SqliteOpenMode.ReadOnly);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            var result = Convert.ToString(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (result != "ok")
            {
                throw new BackupFailedException($"{file} is damaged: SQLite's check says '{result}'.");
            }

            await using var journal = connection.CreateCommand();
            journal.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = 'schemaversions'";
            if (Convert.ToInt64(await journal.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new BackupFailedException($"{file} is an SQLite database but not a backup of the hub (it has no schemaversions table).");
            }
        }
        catch (SqliteException ex)
        {
            throw new BackupFailedException($"{file} is not an SQLite backup: {ex.Message}", ex);
        }
    }

    private static async Task<long> CountTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ConnectionString);
        connection.Open();
        return connection;
    }
}
