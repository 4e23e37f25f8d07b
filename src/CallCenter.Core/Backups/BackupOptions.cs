using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Backups;

/// <summary>Backups of the hub's database (section <c>Backup</c>): where they go, how many are kept, the second copy.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>The folder backups are written to (SQL Server: a folder the database server itself can write).</summary>
    [Required(ErrorMessage = "Backup:Directory is required.")]
    public string Directory { get; set; } = "data/backups";

    /// <summary>A second folder (a mounted remote share) each backup is copied to; none when empty.</summary>
    public string? CopyTo { get; set; }

    /// <summary>How many of the newest backups are kept in each folder; older ones are deleted after a backup.</summary>
    [Range(1, 10000, ErrorMessage = "Backup:Keep must be between 1 and 10000.")]
    public int Keep { get; set; } = 14;

    /// <summary>Backups older than this many days are deleted too (0: by count only). The newest is always kept.</summary>
    [Range(0, 36500, ErrorMessage = "Backup:MaxAgeDays must be between 0 and 36500 (0: keep by count only).")]
    public int MaxAgeDays { get; set; }

    /// <summary>Take scheduled backups (the <c>backup.database</c> job).</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>When the scheduled backup runs: a Quartz cron expression in UTC (seconds first).</summary>
    [Required(ErrorMessage = "Backup:Cron is required.")]
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>PostgreSQL: the folder holding <c>pg_dump</c> and <c>pg_restore</c>; found on PATH or under /usr/lib/postgresql when empty.</summary>
    public string? PostgresBinDirectory { get; set; }
}
