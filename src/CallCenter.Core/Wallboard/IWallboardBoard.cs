namespace CallCenter.Core.Wallboard;

/// <summary>Computes the wallboard from the queue event log, agents' states and queues' thresholds.</summary>
public interface IWallboardBoard
{
    Task<WallboardSnapshot> CurrentAsync(CancellationToken cancellationToken = default);
}
