namespace CallCenter.Api.Wallboard;

/// <summary>
/// What the wallboard hub pushes to a board (the page at <c>/wallboard</c> listens for <c>snapshot</c>). Public because
/// SignalR builds the typed client's proxy in an assembly of its own.
/// </summary>
public interface IWallboardClient
{
    /// <summary>The whole board: on connect, then whenever it changed (at most once per second).</summary>
    Task Snapshot(WallboardUpdate update);
}
