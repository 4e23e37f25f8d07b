namespace CallCenter.Core.Backups;

/// <summary>One engine's way to copy its database to a file and back; chosen at start-up by <c>Database:Provider</c>.</summary>
public interface IDatabaseBackup
{
    /// <summary>The backup file's extension, without the dot.</summary>
    string Extension { get; }

    /// <summary>False when the database server writes the file on its own disks (SQL Server), not this process.</summary>
    bool WritesLocalFile { get; }

    /// <summary>Fails with <see cref="BackupFailedException"/> when the database cannot be reached.</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken);

    /// <summary>Writes a consistent copy of the live database to <paramref name="file"/> (which does not exist yet).</summary>
    Task BackupAsync(string file, IProgress<string> progress, CancellationToken cancellationToken);

    /// <summary>True when the target database has no tables (or does not exist yet).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the target database with the backup, all or nothing.</summary>
    Task RestoreAsync(string file, bool replaceExisting, IProgress<string> progress, CancellationToken cancellationToken);
}
