using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace WallboardLoad;

/// <summary>One wallboard connection: what it was pushed and when.</summary>
internal sealed class Board : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<Push> _received = new(capacity: 256);

    private Board(HubConnection connection)
    {
        _connection = connection;
        connection.On<BoardUpdate>("Snapshot", update =>
        {
            var push = new Push(
                Stopwatch.GetTimestamp(), DateTime.UtcNow, DateTime.SpecifyKind(update.Board.At, DateTimeKind.Utc), update.Version,
                update.Board.Centre.Today.Offered, update.Board.Centre.Today.Abandoned);
            lock (_received)
            {
                _received.Add(push);
            }
        });
    }

    public int Pushes
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public static async Task<Board> ConnectAsync(string url, string token, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url + "/hubs/wallboard", options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var board = new Board(connection);
        await connection.StartAsync(cancellationToken);
        return board;
    }

    /// <summary>What it received, in order: boards are computed one after another, so their times and counts only grow.</summary>
    public Push[] Received()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>
/// One push as this board got it: when it arrived (Stopwatch ticks of this process, and wall clock), when the hub
/// computed it, its version, and the centre's offered and abandoned counts today.
/// </summary>
internal sealed record Push(long ReceivedAt, DateTime ReceivedUtc, DateTime At, long Version, int Offered, int Abandoned);
