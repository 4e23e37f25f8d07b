namespace CallCenter.Core.Backups;

/// <summary>What a backup run made: the file, its size, the second copy (if any) and how many old backups went.</summary>
public sealed record BackupResult(string File, long Bytes, string? CopiedTo, int Deleted);
