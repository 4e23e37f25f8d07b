using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// The real hub (Program) on a real database, with a fake clock. Clients sign in through the real token endpoint.
/// </summary>
/// <param name="database">The database the hub runs on.</param>
/// <param name="extraSettings">Settings over the test defaults.</param>
/// <param name="testServices">Services changed after the hub's own (e.g. a handler on an HttpClient the hub makes).</param>
public sealed class ApiFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? extraSettings = null,
    Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Password-For-Tests-1";

    private readonly string _scratch = Directory.CreateTempSubdirectory("callcenter-api-").FullName;

    public TestDatabase Database { get; } = database;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Where this hub writes its log file (compact JSON, one event per line).</summary>
    public string LogDirectory => Path.Combine(_scratch, "logs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration =>
        {
            configuration.AddInMemoryCollection(Database.Settings);
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AdminBootstrapper.PasswordVariable] = AdminPassword,
                ["Auth:DataProtectionKeysPath"] = Path.Combine(_scratch, "keys"),
                ["Auth:SignInPermitsPerMinute"] = "100000",
                ["Auth:SignInPermitsPerAccountPerMinute"] = "100000",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogDirectory, "callcenter-.log"),
                ["Serilog:MinimumLevel:Default"] = "Information",
                // Tests run the outbox's dispatcher themselves (OutboxDispatcher.RunOnceAsync), one pass at a time.
                ["Notifications:Outbox:DispatcherEnabled"] = "false",

                // Most test hubs need no jobs: no scheduler threads polling their database. The jobs tests turn it on.
                ["Jobs:StartScheduler"] = "false",

                // Tests jump the fake clock by weeks and then read the carrier's threads: it keeps what it carried.
                ["CarrierSimulator:StoredItemMaxAge"] = "3650.00:00:00",

                // Test clients speak plain HTTP to the hub: a Secure cookie would never come back (ReverseProxyTests
                // check the default, Secure outside Development).
                ["ReverseProxy:SecureCookies"] = "false",
            });
            if (extraSettings is not null)
            {
                configuration.AddInMemoryCollection(extraSettings);
            }
        });
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    /// <summary>The password of every user <see cref="SignInAsAsync"/> creates.</summary>
    public const string UserPassword = "Password-For-Tests-1";

    /// <summary>A client signed in as a new user with the given role (agent, supervisor, admin).</summary>
    public async Task<SignedInClient> SignInAsAsync(string role)
    {
        var accounts = Services.GetRequiredService<AccountService>();
        var userName = UniqueData.Name(role);
        var user = await accounts.CreateAsync(userName, $"Test {role}", role, UserPassword)
            ?? throw new InvalidOperationException("Could not create the test user.");
        var client = await SignInAsync(userName, UserPassword);
        return new SignedInClient(client, user);
    }

    /// <summary>A client with a bearer token for an existing user.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>()
            ?? throw new InvalidOperationException("No token in the response.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be open for a moment; a temp folder left behind is harmless.
        }
    }

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>An HTTP client with a bearer token, and the account it is signed in as.</summary>
public sealed record SignedInClient(HttpClient Client, UserAccount User);
