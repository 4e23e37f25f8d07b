using AgentConsole.Desk;
using AgentDesk.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace AgentConsole.Connection;

/// <summary>
/// The desk's link to the hub: connects with the agent's token, keeps trying until the hub answers, reconnects by
/// itself with <see cref="ReconnectSchedule"/>, and reads the whole desk again after every (re)connect. Every push
/// and every answer reaches <see cref="DeskModel"/> through <c>dispatch</c>, which runs it on the UI thread.
/// </summary>
internal sealed partial class DeskConnection : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly DeskModel _model;
    private readonly Action<Action> _dispatch;
    private readonly ReconnectSchedule _schedule = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Uri _hubUrl;
    private int _running;

    public DeskConnection(Uri hubUrl, Func<string?> accessToken, DeskModel model, Action<Action> dispatch)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        ArgumentNullException.ThrowIfNull(accessToken);
        _hubUrl = hubUrl;
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _dispatch = dispatch ?? throw new ArgumentNullException(nameof(dispatch));
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(hubUrl, DeskRoutes.Hub), options => options.AccessTokenProvider = () => Task.FromResult(accessToken()))
            .WithAutomaticReconnect(_schedule)
            .Build();
        RegisterPushes();
        _schedule.Scheduled += delay => Post(m => m.SetConnection(new ConnectionStatus(ConnectionPhase.Reconnecting, _hubUrl, m.Time.GetUtcNow() + delay)));
        _hub.Reconnecting += error =>
        {
            Post(m => m.SetConnection(m.Connection with { Phase = ConnectionPhase.Reconnecting, Detail = error?.Message }));
            return Task.CompletedTask;
        };
        _hub.Reconnected += _ => RestoreAsync();
        _hub.Closed += OnClosedAsync;
    }

    public HubConnectionState State => _hub.State;

    /// <summary>Connects, retrying on the schedule until the hub answers, the sign-in is refused, or the desk stops.</summary>
    public async Task ConnectAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            for (long attempt = 0; !_stopping.IsCancellationRequested; attempt++)
            {
                Post(m => m.SetConnection(new ConnectionStatus(attempt == 0 ? ConnectionPhase.Connecting : m.Connection.Phase, _hubUrl, null, m.Connection.Detail)));
                var error = await TryStartAsync();
                if (error is null)
                {
                    await RestoreAsync();
                    return;
                }

                if (ReconnectSchedule.IsSignInRefused(error))
                {
                    Post(m => m.SetConnection(new ConnectionStatus(ConnectionPhase.SignedOut, _hubUrl, null, RefusalReason(error))));
                    return;
                }

                var delay = ReconnectSchedule.DelayBefore(attempt + 1);
                Post(m => m.SetConnection(new ConnectionStatus(ConnectionPhase.Unreachable, _hubUrl, m.Time.GetUtcNow() + delay, Describe(error))));
                await Task.Delay(delay, _model.Time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _hub.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<Exception?> TryStartAsync()
    {
        try
        {
            await _hub.StartAsync(_stopping.Token);
            return null;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or TimeoutException or System.Net.WebSockets.WebSocketException)
        {
            return ex;
        }
    }

    /// <summary>After every (re)connect: the hub may have changed anything while the desk was away.</summary>
    private async Task RestoreAsync()
    {
        try
        {
            var snapshot = await _hub.InvokeAsync<DeskSnapshot>(nameof(IAgentDeskHub.GetDeskAsync), _stopping.Token);
            Post(m =>
            {
                m.ApplySnapshot(snapshot);
                m.SetConnection(new ConnectionStatus(ConnectionPhase.Connected, _hubUrl));
            });
            if (snapshot.Call is { } call)
            {
                await RefreshScreenPopAsync(call.OfferId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Post(m =>
            {
                m.SetConnection(new ConnectionStatus(ConnectionPhase.Connected, _hubUrl));
                m.ShowError($"Could not read the desk from the hub: {ex.Message} (press R to try again).");
            });
        }
    }

    private Task OnClosedAsync(Exception? error)
    {
        if (_stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        if (ReconnectSchedule.IsSignInRefused(error))
        {
            Post(m => m.SetConnection(new ConnectionStatus(ConnectionPhase.SignedOut, _hubUrl, null, RefusalReason(error))));
            return Task.CompletedTask;
        }

        // Closed without a refusal (e.g. the hub stopped during the handshake): start over, for ever.
        _ = Task.Run(ConnectAsync);
        return Task.CompletedTask;
    }

    private static string RefusalReason(Exception? error) =>
        error is HttpRequestException { StatusCode: System.Net.HttpStatusCode.Forbidden }
            ? "This account may not use the desk (agents and supervisors only)."
            : "Your sign-in has expired or was revoked.";

    private static string Describe(Exception error) => error switch
    {
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.NotFound } => $"the hub has no desk at {DeskRoutes.Hub}",
        HttpRequestException { StatusCode: { } code } => $"the hub answered {(int)code}",
        _ => error.GetBaseException().Message,
    };

    private void Post(Action<DeskModel> change) => _dispatch(() => change(_model));
}
