namespace CallCenter.Core.Ivr;

/// <summary>What a caller did in the IVR, as the agent's screen-pop shows it.</summary>
public interface IIvrOutcomeReader
{
    /// <summary>The call's outcome as of its last stored turn; null when the call went through no flow (or before outcomes were kept).</summary>
    Task<IvrOutcome?> FindAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>The same, on a connection the caller already holds: the screen-pop reads everything on one.</summary>
    Task<IvrOutcome?> FindAsync(System.Data.Common.DbConnection connection, string callSid, CancellationToken cancellationToken = default);
}
