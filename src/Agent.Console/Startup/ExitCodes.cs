namespace AgentConsole.Startup;

/// <summary>Process exit codes, so scripts can tell a usage mistake from a run that went wrong.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments or settings (the conventional sysexits EX_USAGE is 64; 2 is what shells use).</summary>
    public const int Usage = 2;
}
