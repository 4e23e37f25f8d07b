using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Backups;

/// <summary>
/// Backs the hub's database up to a file named by its UTC time (<c>callcenter-20261208-020000-000.db</c>), written
/// under a temporary name and renamed when whole, copies it to <c>Backup:CopyTo</c>, and deletes the oldest beyond
/// <c>Backup:Keep</c> (or <c>Backup:MaxAgeDays</c>) in both folders; and restores one into an empty database.
/// </summary>
public sealed partial class BackupService(IDatabaseBackup backup, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupService> logger)
{
    private const string Prefix = "callcenter-";
    private const string TimeFormat = "yyyyMMdd-HHmmss-fff";

    /// <summary>A scheduled or operator's backup: into <c>Backup:Directory</c>, copied and pruned.</summary>
    public async Task<BackupResult> BackupAsync(IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var settings = options.Value;
        var file = await BackupToAsync(settings.Directory, progress, cancellationToken);
        if (!File.Exists(file))
        {
            progress.Report($"The database server wrote {file} on its own disks: it is not copied or pruned from here.");
            return new BackupResult(file, 0, null, 0);
        }

        var deleted = Prune(settings.Directory, settings, progress);
        string? copy = null;
        if (!string.IsNullOrWhiteSpace(settings.CopyTo))
        {
            copy = Copy(file, settings.CopyTo, progress);
            deleted += Prune(settings.CopyTo, settings, progress);
        }

        var result = new BackupResult(file, new FileInfo(file).Length, copy, deleted);
        LogBackedUp(logger, result.File, result.Bytes, result.CopiedTo ?? "(none)", result.Deleted);
        return result;
    }

    /// <summary>One backup file in <paramref name="directory"/> (created when missing); nothing copied or pruned.</summary>
    public async Task<string> BackupToAsync(string directory, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(progress);
        await backup.CheckReachableAsync(cancellationToken);
        var folder = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException($"The backup folder {folder} cannot be created: {ex.Message}", ex);
        }

        var name = $"{Prefix}{time.GetUtcNow().UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}.{backup.Extension}";
        var file = Path.Combine(folder, name);
        if (!backup.WritesLocalFile)
        {
            await backup.BackupAsync(file, progress, cancellationToken);
            return file;
        }

        var partial = file + ".partial";
        try
        {
            await backup.BackupAsync(partial, progress, cancellationToken);
            File.Move(partial, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            throw new BackupFailedException($"The backup could not be written to {folder}: {ex.Message}", ex);
        }
        finally
        {
            TryDelete(partial);
        }

        progress.Report($"Backup written: {file} ({new FileInfo(file).Length / 1024:N0} KB)");
        return file;
    }

    /// <summary>
    /// Restores <paramref name="file"/> into the configured database. Refuses a database that has tables unless
    /// <paramref name="replaceExisting"/>; the engine loads it all or nothing.
    /// </summary>
    public async Task RestoreAsync(string file, bool replaceExisting, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(progress);
        var path = Path.GetFullPath(file);
        if (backup.WritesLocalFile && !File.Exists(path))
        {
            throw new BackupFailedException($"There is no backup file at {path}.");
        }

        if (!replaceExisting && !await backup.IsEmptyAsync(cancellationToken))
        {
            throw new BackupFailedException(
                "The target database is not empty: restore into a new, empty database, or add --force to replace everything in it.");
        }

        try
        {
            await backup.RestoreAsync(path, replaceExisting, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            throw new BackupFailedException($"The restore of {path} failed: {ex.Message}", ex);
        }

        progress.Report($"Restored {path}");
        LogRestored(logger, path, replaceExisting);
    }

    private static string Copy(string file, string directory, IProgress<string> progress)
    {
        var target = Path.Combine(Path.GetFullPath(directory), Path.GetFileName(file));
        var partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, partial, overwrite: true);
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new BackupFailedException($"The backup {file} was made, but copying it to Backup:CopyTo ({directory}) failed: {ex.Message}", ex);
        }

        progress.Report($"Copied to {target}");
        return target;
    }

    // The newest Keep backups stay, and of those only the ones younger than MaxAgeDays (the newest always stays).
    private int Prune(string directory, BackupOptions settings, IProgress<string> progress)
    {
        var pattern = BackupName();
        var now = time.GetUtcNow().UtcDateTime;
        var backups = Directory.GetFiles(Path.GetFullPath(directory))
            .Select(f => (File: f, Match: pattern.Match(Path.GetFileName(f))))
            .Where(b => b.Match.Success && b.Match.Groups["ext"].Value == backup.Extension)
            .Select(b => (b.File, Taken: DateTime.ParseExact(b.Match.Groups["time"].Value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)))
            .OrderByDescending(b => b.Taken)
            .ToList();
        var doomed = backups.Skip(settings.Keep)
            .Concat(settings.MaxAgeDays > 0 ? backups.Skip(1).Where(b => now - b.Taken > TimeSpan.FromDays(settings.MaxAgeDays)) : [])
            .Select(b => b.File)
            .Distinct()
            .ToList();
        foreach (var file in doomed)
        {
            File.Delete(file);
            progress.Report($"Deleted old backup {file}");
        }

        return doomed.Count;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Left for the operator; a .partial file is never taken for a backup.
        }
    }

    [GeneratedRegex(@"^callcenter-(?<time>\d{8}-\d{6}-\d{3})\.(?<ext>[a-z]+)$")]
    private static partial Regex BackupName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {File} written ({Bytes} bytes), copied to {CopiedTo}, {Deleted} old backups deleted")]
    private static partial void LogBackedUp(ILogger logger, string file, long bytes, string copiedTo, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database restored from {File} (replacing existing data: {Replaced})")]
    private static partial void LogRestored(ILogger logger, string file, bool replaced);
}
