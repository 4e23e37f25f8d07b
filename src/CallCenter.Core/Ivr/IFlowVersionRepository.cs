namespace CallCenter.Core.Ivr;

/// <summary>Every activated flow version, kept so calls in progress can finish on theirs after an edit or a restart.</summary>
public interface IFlowVersionRepository
{
    /// <summary>Stores the version unless it is already stored (the same content activated again changes nothing).</summary>
    Task SaveAsync(StoredFlowVersion version, CancellationToken cancellationToken = default);

    Task<StoredFlowVersion?> FindAsync(string flowId, string version, CancellationToken cancellationToken = default);
}
