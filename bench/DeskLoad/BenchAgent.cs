using System.Diagnostics;
using AgentDesk.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeskLoad;

/// <summary>
/// One agent's desk, as a client: connects with its token, becomes available, and reports every offer, withdrawal,
/// connection and end to the run through callbacks. Timestamps come from one process-wide stopwatch.
/// </summary>
internal sealed class BenchAgent(string userName, HubConnection connection) : IAsyncDisposable
{
    public string UserName { get; } = userName;

    public HubConnection Connection { get; } = connection;

    public static async Task<BenchAgent> ConnectAsync(string hubUrl, string userName, string token, DeskEvents events, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl + DeskRoutes.Hub, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var agent = new BenchAgent(userName, connection);
        connection.On<DeskOffer>(nameof(IAgentDeskClient.OfferReceived), offer => events.OfferReceived(agent, offer, Stopwatch.GetTimestamp()));
        connection.On<OfferWithdrawn>(nameof(IAgentDeskClient.OfferWithdrawn), withdrawn => events.OfferWithdrawn(agent, withdrawn));
        connection.On<DeskCall>(nameof(IAgentDeskClient.CallConnected), call => events.CallConnected(agent, call));
        connection.On<DeskCallEnded>(nameof(IAgentDeskClient.CallEnded), ended => events.CallEnded(agent, ended));
        connection.On<DeskAgentState>(nameof(IAgentDeskClient.StateChanged), _ => { });
        connection.On<DeskSms>(nameof(IAgentDeskClient.SmsReceived), _ => { });
        await connection.StartAsync(cancellationToken);
        var snapshot = await connection.InvokeAsync<DeskSnapshot>(nameof(IAgentDeskHub.GetDeskAsync), cancellationToken);
        if (snapshot.State.State != "available")
        {
            if (snapshot.State.State == "wrap-up")
            {
                await connection.InvokeAsync<DeskResult>(nameof(IAgentDeskHub.SetStateAsync), new SetStateRequest("end-wrap-up"), cancellationToken);
            }
            else
            {
                var result = await connection.InvokeAsync<DeskResult>(nameof(IAgentDeskHub.SetStateAsync), new SetStateRequest("available"), cancellationToken);
                if (!result.Ok)
                {
                    throw new InvalidOperationException($"{userName} could not become available: {result.Reason}");
                }
            }
        }

        return agent;
    }

    public Task<DeskResult> InvokeAsync<TArg>(string method, TArg argument) =>
        Connection.InvokeAsync<DeskResult>(method, argument);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>What a run does when a desk event reaches one of its agents.</summary>
internal abstract class DeskEvents
{
    public abstract void OfferReceived(BenchAgent agent, DeskOffer offer, long receivedAt);

    public virtual void OfferWithdrawn(BenchAgent agent, OfferWithdrawn withdrawn)
    {
    }

    public virtual void CallConnected(BenchAgent agent, DeskCall call)
    {
    }

    public virtual void CallEnded(BenchAgent agent, DeskCallEnded ended)
    {
    }
}
