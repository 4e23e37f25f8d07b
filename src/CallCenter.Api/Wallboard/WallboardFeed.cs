using System.Text.Json;
using CallCenter.Core.Agents;
using CallCenter.Core.Wallboard;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// The board the hub last computed, shared by every connection: a board that connects gets it without a query of its
/// own, and one computation serves all boards. Computations never overlap. While no board is connected nothing is
/// kept, so the next board to connect gets a fresh one.
/// </summary>
internal sealed class WallboardFeed(IWallboardBoard board) : IDisposable
{
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _computing = new(1, 1);
    private WallboardUpdate? _latest;
    private string? _fingerprint;
    private long _version;
    private int _boards;

    public int Boards => Volatile.Read(ref _boards);

    public void BoardConnected() => Interlocked.Increment(ref _boards);

    public void BoardDisconnected()
    {
        if (Interlocked.Decrement(ref _boards) == 0)
        {
            Volatile.Write(ref _latest, null);
        }
    }

    /// <summary>The board for a board that just connected: the latest, or a fresh one if none is kept.</summary>
    public async Task<WallboardUpdate> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _latest) is { } latest)
        {
            return latest;
        }

        await _computing.WaitAsync(cancellationToken);
        try
        {
            return Volatile.Read(ref _latest) ?? (await ComputeAsync(cancellationToken)).Update;
        }
        finally
        {
            _computing.Release();
        }
    }

    /// <summary>Computes the board again; <c>Changed</c> says whether boards need it (anything but the clock moved).</summary>
    public async Task<(WallboardUpdate Update, bool Changed)> RefreshAsync(CancellationToken cancellationToken)
    {
        await _computing.WaitAsync(cancellationToken);
        try
        {
            return await ComputeAsync(cancellationToken);
        }
        finally
        {
            _computing.Release();
        }
    }

    /// <summary>Whether anything on the board moves with time alone: calls waiting or agents signed in.</summary>
    public static bool IsActive(WallboardSnapshot snapshot) =>
        snapshot.Centre.WaitingNow > 0 || snapshot.Agents.Any(a => a.State != AgentState.Offline.ToCode());

    public void Dispose() => _computing.Dispose();

    private async Task<(WallboardUpdate Update, bool Changed)> ComputeAsync(CancellationToken cancellationToken)
    {
        var snapshot = await board.CurrentAsync(cancellationToken);
        var fingerprint = Fingerprint(snapshot);
        var previous = Volatile.Read(ref _latest);
        if (previous is not null && fingerprint == _fingerprint)
        {
            return (previous, false);
        }

        var update = new WallboardUpdate(Interlocked.Increment(ref _version), snapshot);
        _fingerprint = fingerprint;
        Volatile.Write(ref _latest, update);
        return (update, true);
    }

    /// <summary>
    /// The board without what only the clock moves: when it was computed and the waits now, which boards tick themselves
    /// from <see cref="QueueBoard.OldestWaitingSince"/>. A level a wait crossed still shows as a change.
    /// </summary>
    private static string Fingerprint(WallboardSnapshot snapshot) => JsonSerializer.Serialize(
        snapshot with
        {
            At = default,
            Centre = snapshot.Centre with { LongestWaitNowSeconds = 0 },
            Queues = [.. snapshot.Queues.Select(q => q with { LongestWaitNowSeconds = 0 })],
        },
        FingerprintJson);
}
