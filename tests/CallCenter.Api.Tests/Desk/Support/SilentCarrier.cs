using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// A carrier that takes the connection and never answers: a real loopback TCP listener that accepts every connection,
/// reads nothing and writes nothing, and holds it open until disposed. A REST request sent to it ends only by the
/// client's own timeout (Twilio:RequestTimeout), as with a carrier that hangs.
/// </summary>
internal sealed class SilentCarrier : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _accepted;
    private volatile bool _stalled;

    public SilentCarrier()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The carrier's address: where <see cref="DivertToSilentCarrier"/> sends requests while <see cref="Stalled"/>.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Whether the hub's REST requests go here (true) or to the carrier configured (false).</summary>
    public bool Stalled
    {
        get => _stalled;
        set => _stalled = value;
    }

    /// <summary>Connections taken (each a request left unanswered).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        _listener.Stop();
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }
}
