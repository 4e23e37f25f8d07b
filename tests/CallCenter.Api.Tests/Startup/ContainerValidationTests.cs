using System.Net;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Startup;

/// <summary>
/// The hub's service container is checked when it is built, in every environment: a lifetime mistake once stopped
/// `dotnet run` (Development) while every test (Testing) passed.
/// </summary>
public sealed class ContainerValidationTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Hub_StartsAndIsReady_InEveryEnvironment(string environment)
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        // Production runs the built-in simulator only when told to (docs/security.md).
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["Telephony:Mode"] = "simulator" });
        await using var factory = hub.WithWebHostBuilder(builder => builder.UseEnvironment(environment));

        var ready = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>
    /// Built with the hub's own set-up (what Program and the test host call), a singleton that holds a scoped service
    /// stops the build, whatever the environment.
    /// </summary>
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    [InlineData("Testing")]
    public void HubSetup_WithASingletonHoldingAScopedService_FailsToBuild(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.AddCallCenterApi();
        builder.Services.AddScoped<ScopedPart>();
        builder.Services.AddSingleton<SingletonHoldingScoped>();

        var error = Assert.ThrowsAny<Exception>(() => builder.Build());

        Assert.Contains("Cannot consume scoped service", Flatten(error), StringComparison.Ordinal);
        Assert.Contains(nameof(SingletonHoldingScoped), Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join('\n', aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? string.Empty : "\n" + Flatten(error.InnerException));

    private sealed class ScopedPart;

    private sealed class SingletonHoldingScoped(ScopedPart part)
    {
        public ScopedPart Part { get; } = part;
    }
}
