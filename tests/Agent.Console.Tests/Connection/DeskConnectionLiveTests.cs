using AgentConsole.Connection;
using AgentConsole.Desk;
using Agent.Console.Tests.Terminal;
using CallCenter.Testing;

namespace Agent.Console.Tests.Connection;

/// <summary>The connection layer against the real hub: pushes reach the model, and a restarted hub is found again.</summary>
public sealed class DeskConnectionLiveTests
{
    private const string Password = "Desk-Password-For-Tests-1";

    [Fact]
    public async Task SetState_Available_HubPushesTheStateIntoTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        await using var hub = DeskHub.Start(database, DeskHub.FreePort());
        var (model, connection) = await ConnectAsync(hub.BaseAddress, user);
        await using (connection)
        {
            var result = await connection.SetStateAsync(new AgentDesk.Contracts.SetStateRequest("available"));

            Assert.True(result.Ok, result.Reason);
            await Eventually.Async(() => model.State?.State == "available", "the state pushed to the model");
            Assert.Equal(user, model.UserName);
            Assert.NotEmpty(model.Dispositions);
        }
    }

    [Fact]
    public async Task HubRestarts_ConnectionComesBackByItselfAndReadsTheDeskAgain()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        var port = DeskHub.FreePort();
        var keys = Directory.CreateTempSubdirectory("agent-console-keys-").FullName;
        var hub = DeskHub.Start(database, port, keys);
        var (model, connection) = await ConnectAsync(hub.BaseAddress, user);
        await using (connection)
        {
            Assert.True((await connection.SetStateAsync(new AgentDesk.Contracts.SetStateRequest("available"))).Ok);
            var onBreak = await connection.SetStateAsync(new AgentDesk.Contracts.SetStateRequest("break", "training"));
            Assert.True(onBreak.Ok, DeskTextFor(onBreak));
            await hub.DisposeAsync();
            await Eventually.Async(() => model.Connection.Phase is ConnectionPhase.Reconnecting or ConnectionPhase.Unreachable, "the model to see the hub gone");

            await using var restarted = DeskHub.Start(database, port, keys);

            await Eventually.Async(() => model.Connection.Phase == ConnectionPhase.Connected, "the connection back", TimeSpan.FromSeconds(60));
            await Eventually.Async(() => model.State?.Reason == "training", "the desk read again after the reconnect");
        }

        Directory.Delete(keys, recursive: true);
    }

    private static string DeskTextFor(AgentDesk.Contracts.DeskResult result) => DeskText.Failure(result);

    private static async Task<(DeskModel Model, DeskConnection Connection)> ConnectAsync(Uri hubUrl, string user)
    {
        using var http = new HttpClient();
        var signIn = await new SignInClient(http).SignInAsync(hubUrl, user, Password, CancellationToken.None);
        Assert.True(signIn.Succeeded, signIn.Refused ?? signIn.Unreachable);
        var model = new DeskModel(TimeProvider.System, hubUrl);
        var gate = new Lock();
        var connection = new DeskConnection(hubUrl, () => signIn.AccessToken, model, change =>
        {
            // The console runs changes on its UI thread; here one at a time is enough.
            lock (gate)
            {
                change();
            }
        });
        await connection.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ConnectionPhase.Connected, model.Connection.Phase);
        return (model, connection);
    }
}
