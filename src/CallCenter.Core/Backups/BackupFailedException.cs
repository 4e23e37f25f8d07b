namespace CallCenter.Core.Backups;

/// <summary>A backup or restore that could not be done; the message says why in words an operator can act on.</summary>
public sealed class BackupFailedException : Exception
{
    public BackupFailedException()
    {
    }

    public BackupFailedException(string message)
        : base(message)
    {
    }

    public BackupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
