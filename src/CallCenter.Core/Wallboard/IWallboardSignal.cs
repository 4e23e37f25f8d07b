namespace CallCenter.Core.Wallboard;

/// <summary>
/// Rung after a change the wallboard shows has committed (a queue event, an agent's state). Cheap and never blocks:
/// the wallboard coalesces rings into at most one update per second per board.
/// </summary>
public interface IWallboardSignal
{
    void Changed();
}
