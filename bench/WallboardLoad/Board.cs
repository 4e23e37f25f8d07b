using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace WallboardLoad;

/// <summary>One wallboard connection: what it was pushed and when (Stopwatch ticks of this process).</summary>
internal sealed class Board : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<(long ReceivedAt, DateTime At, long Version, DateTime ReceivedUtc)> _received = new(capacity: 256);

    private Board(HubConnection connection)
    {
        _connection = connection;
        connection.On<BoardUpdate>("Snapshot", update =>
        {
            var receivedAt = Stopwatch.GetTimestamp();
            var receivedUtc = DateTime.UtcNow;
            lock (_received)
            {
                _received.Add((receivedAt, DateTime.SpecifyKind(update.Board.At, DateTimeKind.Utc), update.Version, receivedUtc));
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

    /// <summary>When each pushed version arrived here (wall clock), with the time the hub computed it.</summary>
    public IEnumerable<(long Version, DateTime At, DateTime ReceivedUtc)> Versions()
    {
        lock (_received)
        {
            return [.. _received.Select(r => (r.Version, r.At, r.ReceivedUtc))];
        }
    }

    /// <summary>What it received, in order: boards are computed one after another, so their times only grow.</summary>
    public (long[] ReceivedAt, DateTime[] At) Received()
    {
        lock (_received)
        {
            return ([.. _received.Select(r => r.ReceivedAt)], [.. _received.Select(r => r.At)]);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
