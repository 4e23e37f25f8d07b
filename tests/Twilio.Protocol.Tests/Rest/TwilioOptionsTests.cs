using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;

namespace Twilio.Protocol.Tests.Rest;

public sealed class TwilioOptionsTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Twilio:AuthToken"] = "secret-token-value",
        ["Twilio:PublicBaseUrl"] = "https://hub.example.com",
    };

    [Fact]
    public void AddTwilioProtocol_ValidSettings_ResolvesClientValidatorAndOptions()
    {
        using var services = Build(ValidSettings());

        Assert.NotNull(services.GetRequiredService<TwilioRestClient>());
        Assert.NotNull(services.GetRequiredService<TwilioRequestValidator>());
        Assert.Equal("https://api.twilio.com", services.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl);
    }

    [Theory]
    [InlineData("Twilio:AccountSid", "AC123", "Twilio:AccountSid")]
    [InlineData("Twilio:AccountSid", null, "Twilio:AccountSid")]
    [InlineData("Twilio:AuthToken", "", "Twilio:AuthToken")]
    [InlineData("Twilio:ApiKeySid", "SK0123456789abcdef0123456789abcdef", "Twilio:ApiKeySecret")]
    [InlineData("Twilio:ApiKeySecret", "only-the-secret", "Twilio:ApiKeySecret")]
    [InlineData("Twilio:ApiBaseUrl", "api.twilio.com", "Twilio:ApiBaseUrl")]
    [InlineData("Twilio:PublicBaseUrl", "/relative", "Twilio:PublicBaseUrl")]
    [InlineData("Twilio:MaxAttempts", "0", "Twilio:MaxAttempts")]
    [InlineData("Twilio:RequestTimeout", "00:00:00", "Twilio:RequestTimeout")]
    [InlineData("Twilio:RequestTimeout", "01:00:00", "Twilio:RequestTimeout")]
    public void AddTwilioProtocol_BadSetting_FailsNamingTheSetting(string key, string? value, string named)
    {
        var settings = ValidSettings();
        settings[key] = value;
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwilioOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTimeout_CarrierAcceptsAndNeverAnswers_CarrierFailureNotTheCallersCancellation()
    {
        // A real loopback listener that takes the connection and never answers.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var settings = ValidSettings();
        settings["Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";
        settings["Twilio:RequestTimeout"] = "00:00:01";
        using var services = Build(settings);
        var client = services.GetRequiredService<TwilioRestClientFactory>().Create();
        using var caller = new CancellationTokenSource();

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            client.UpdateCallAsync("CA0123456789abcdef0123456789abcdef", UpdateCallRequest.RedirectTo("https://hub.example.com/x"), caller.Token));
        await caller.CancelAsync();

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(CarrierFailure.Is(error, CancellationToken.None));
        Assert.False(CarrierFailure.Is(error, caller.Token));
        Assert.True(CarrierFailure.Is(new HttpRequestException("refused"), CancellationToken.None));
        Assert.False(CarrierFailure.Is(new InvalidOperationException(), CancellationToken.None));
    }

    [Fact]
    public async Task RetryDelay_Registered_WaitsOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(time);
        using var services = Build(ValidSettings(), collection);
        var delay = services.GetRequiredService<TwilioRetryDelay>();

        var waiting = delay(TimeSpan.FromSeconds(2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = waiting.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting;

        Assert.False(afterOneSecond);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, IServiceCollection? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return (services ?? new ServiceCollection())
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTwilioProtocol()
            .BuildServiceProvider();
    }
}
