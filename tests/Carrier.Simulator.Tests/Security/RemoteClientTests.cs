using System.Net;
using Carrier.Simulator.Tests.Infrastructure;

namespace Carrier.Simulator.Tests.Security;

/// <summary>The simulator answers loopback clients only, unless CarrierSimulator:AllowRemoteClients says otherwise.</summary>
public sealed class RemoteClientTests
{
    private const string RemoteClient = "203.0.113.7";

    [Theory]
    [InlineData("/simulator/phone")]
    [InlineData("/simulator/sms?number=%2B8613800138000")]
    [InlineData("/simulator/calls?number=%2B8613800138000")]
    [InlineData("/simulator/limits")]
    public async Task Get_FromARemoteClient_Answers404(string path)
    {
        await using var host = await SimulatorHost.StartAsync(clientAddress: IPAddress.Parse(RemoteClient));

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Refused before its body is read or its credentials checked: not a 400 or a Twilio 401 that would give it away.</summary>
    [Fact]
    public async Task RestCreateMessage_FromARemoteClientWithoutCredentials_Answers404()
    {
        await using var host = await SimulatorHost.StartAsync(clientAddress: IPAddress.Parse(RemoteClient));

        using var response = await host.Client.PostAsync(
            new Uri($"/simulator/2010-04-01/Accounts/{SimulatorHarness.AccountSid}/Messages.json", UriKind.Relative),
            new StringContent("not a form"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(host.Hub.Requests);
    }

    [Fact]
    public async Task Phone_FromARemoteClient_WhenRemoteClientsAllowed_IsServed()
    {
        await using var host = await SimulatorHost.StartAsync(
            settings: new Dictionary<string, string?> { ["CarrierSimulator:AllowRemoteClients"] = "true" },
            clientAddress: IPAddress.Parse(RemoteClient));

        using var response = await host.Client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Phone_FromLoopback_IsServed(string address)
    {
        await using var host = await SimulatorHost.StartAsync(clientAddress: IPAddress.Parse(address));

        using var response = await host.Client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("::ffff:192.168.1.20")]
    [InlineData("fe80::1")]
    public async Task Phone_FromAPrivateNetworkAddress_Answers404(string address)
    {
        await using var host = await SimulatorHost.StartAsync(clientAddress: IPAddress.Parse(address));

        using var response = await host.Client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
