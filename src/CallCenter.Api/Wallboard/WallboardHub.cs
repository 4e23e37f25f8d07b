using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// The wallboard's SignalR hub, read-only: a board that connects gets the current board, then every change the
/// <see cref="WallboardBroadcaster"/> pushes. Supervisors, admins and wallboard accounts (policy WallboardViewer);
/// the board holds counts, times and staff states only, never a patient's data.
/// </summary>
internal sealed partial class WallboardHub(WallboardFeed feed, ILogger<WallboardHub> logger) : Hub<IWallboardClient>
{
    public override async Task OnConnectedAsync()
    {
        feed.BoardConnected();
        try
        {
            await Clients.Caller.Snapshot(await feed.CurrentAsync(Context.ConnectionAborted));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The board still gets the next push; refusing the connection would only make it retry at once.
            LogSnapshotFailed(ex);
        }
        catch (OperationCanceledException)
        {
            // The board left before it was served; SignalR does not call OnDisconnectedAsync for it.
            feed.BoardDisconnected();
            throw;
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.BoardDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    [LoggerMessage(LogLevel.Error, "The wallboard could not be computed for a board that connected")]
    private partial void LogSnapshotFailed(Exception exception);
}
