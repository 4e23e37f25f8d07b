using Carrier.Simulator.Calls;
using Carrier.Simulator.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol.Rest;

namespace Carrier.Simulator.Tests.Infrastructure;

/// <summary>The simulator's services against a <see cref="FakeHub"/>, on a fake clock.</summary>
internal sealed class SimulatorHarness : IDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "simulator-test-token";
    public const string PublicBaseUrl = "https://hub.test";
    public const string HubNumber = "+861012345678";
    public const string Patient = "+8613800138000";

    private readonly ServiceProvider _services;

    public SimulatorHarness()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddCarrierSimulator();
        services.Configure<TwilioOptions>(Configure);
        services.AddHttpClient("carrier-simulator")
            .ConfigurePrimaryHttpMessageHandler(() => Hub)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public FakeHub Hub { get; } = new(AuthToken);

    public CallRunner Runner => _services.GetRequiredService<CallRunner>();

    public CallRegistry Registry => _services.GetRequiredService<CallRegistry>();

    public MessageService Messages => _services.GetRequiredService<MessageService>();

    public static void Configure(TwilioOptions twilio)
    {
        twilio.AccountSid = AccountSid;
        twilio.AuthToken = AuthToken;
        twilio.PublicBaseUrl = PublicBaseUrl;
        twilio.ApiBaseUrl = PublicBaseUrl + "/simulator";
    }

    /// <summary>A patient calls the hub; the hub answers with <paramref name="voiceTwiml"/>.</summary>
    public SimulatedCall Call(string voiceTwiml)
    {
        Hub.Respond("/twilio/voice", voiceTwiml);
        return Runner.PlaceInbound(Patient, HubNumber);
    }

    public void Dispose() => _services.Dispose();
}

internal static class CallTestExtensions
{
    /// <summary>A guard so that a broken simulator fails the test instead of hanging it; not a timing assertion.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static Task EndedAsync(this SimulatedCall call) => call.Completion.WaitAsync(Guard);

    public static Task WaitingAsync(this SimulatedCall call) => call.WhenWaitingAsync().WaitAsync(Guard);

    public static IEnumerable<TranscriptEntry> Lines(this SimulatedCall call, string kind) => call.Transcript().Where(t => t.Kind == kind);
}
