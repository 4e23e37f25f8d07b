using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>A desk on a real listening hub: a new agent account signed in over HTTP and connected over WebSockets.</summary>
internal static class LiveHubDesks
{
    private const string Password = "Password-For-Tests-1";

    public static async Task<DeskClient> ConnectAgentAsync(this LiveHub hub)
    {
        var user = await hub.Factory.Services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name("agent"), "Desk agent", Roles.Agent, Password)
            ?? throw new InvalidOperationException("Could not create the agent.");
        using var http = hub.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub.BaseAddress, DeskRoutes.Hub), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        var desk = new DeskClient(connection, user);
        desk.Listen();
        await connection.StartAsync();
        return desk;
    }
}
