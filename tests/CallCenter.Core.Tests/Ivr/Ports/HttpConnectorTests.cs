using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CallCenter.Core.Ivr.Ports;
using Ivr.Flows.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

/// <summary>Against a real Kestrel server on a loopback port, started by each test.</summary>
public sealed class HttpConnectorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource _slowArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _his;
    private string _baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _his = builder.Build();
        _his.MapPost("/lookup", async (HttpRequest request) =>
        {
            var fields = await JsonSerializer.DeserializeAsync<Dictionary<string, string?>>(request.Body);
            return Results.Json(new
            {
                echo = fields!["mrn"],
                key = request.Headers["X-Api-Key"].ToString(),
                count = 3,
                ready = true,
                missing = (string?)null,
                nested = new { a = 1 },
            });
        });
        _his.MapGet("/lookup", (HttpRequest request) => Results.Json(new { echo = request.Query["mrn"].ToString() }));
        _his.MapPost("/text", () => Results.Text("<html>not json</html>", "text/html"));
        _his.MapPost("/fail", () => Results.Json(new { error = "down" }, statusCode: 503));
        _his.MapPost("/slow", async (HttpContext context) =>
        {
            _slowArrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await _his.StartAsync();
        _baseUrl = _his.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_his is not null)
        {
            await _his.DisposeAsync();
        }
    }

    [Fact]
    public async Task Call_JsonEndpoint_SendsFieldsAndHeadersAndReadsTopLevelFields()
    {
        using var provider = Connector(out var connector, ("his", "/lookup", "POST"));

        var result = await connector.CallAsync(Request("his"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(("MRN42", "secret", "3", "true", null, """{"a":1}"""),
            (result.Fields["echo"], result.Fields["key"], result.Fields["count"], result.Fields["ready"], result.Fields["missing"], result.Fields["nested"]));
        Assert.Equal(new HashSet<string> { "his" }, connector.EndpointNames);
    }

    [Fact]
    public async Task Call_GetEndpoint_SendsFieldsAsQuery()
    {
        using var provider = Connector(out var connector, ("his", "/lookup", "GET"));

        var result = await connector.CallAsync(Request("his"), CancellationToken.None);

        Assert.Equal((true, "MRN42"), (result.Succeeded, result.Fields["echo"]));
    }

    [Theory]
    [InlineData("/text", 200, "not-json")]
    [InlineData("/fail", 503, "http-503")]
    public async Task Call_AnswerNotUsable_FailsWithReason(string path, int status, string error)
    {
        using var provider = Connector(out var connector, ("his", path, "POST"));

        var result = await connector.CallAsync(Request("his"), CancellationToken.None);

        Assert.Equal((false, status, error), (result.Succeeded, result.StatusCode, result.Error));
    }

    [Fact]
    public async Task Call_EndpointSlowerThanTimeout_FailsWithTimeout()
    {
        using var provider = Connector(out var connector, ("his", "/slow", "POST"));

        var call = connector.CallAsync(Request("his") with { Timeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);
        await _slowArrived.Task;
        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await call;

        Assert.Equal(new HttpCallResult(false, null, result.Fields, "timeout"), result);
        Assert.Empty(result.Fields);
    }

    [Fact]
    public async Task Call_NothingListening_FailsWithNetworkError()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var provider = Connector(out var connector, ("down", $"http://127.0.0.1:{port}/x", "POST"));

        var result = await connector.CallAsync(Request("down"), CancellationToken.None);

        Assert.Equal((false, "network-error"), (result.Succeeded, result.Error));
    }

    [Fact]
    public async Task Call_UnknownEndpoint_FailsWithoutCalling()
    {
        using var provider = Connector(out var connector);

        var result = await connector.CallAsync(Request("nope"), CancellationToken.None);

        Assert.Equal((false, null, "unknown-endpoint"), (result.Succeeded, result.StatusCode, result.Error));
    }

    private static HttpCallRequest Request(string endpoint) =>
        new(endpoint, new Dictionary<string, string?> { ["mrn"] = "MRN42", ["note"] = null }, TimeSpan.FromSeconds(30));

    private ServiceProvider Connector(out HttpConnector connector, params (string Name, string Path, string Method)[] endpoints)
    {
        var options = new IvrPortOptions();
        foreach (var (name, path, method) in endpoints)
        {
            options.HttpEndpoints[name] = new IvrHttpEndpoint
            {
                Url = path.StartsWith("http", StringComparison.Ordinal) ? path : _baseUrl + path,
                Method = method,
                Headers = { ["X-Api-Key"] = "secret" },
            };
        }

        var provider = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        connector = new HttpConnector(provider.GetRequiredService<IHttpClientFactory>(), Options.Create(options), _time, NullLogger<HttpConnector>.Instance);
        return provider;
    }
}
