using System.Net;
using CallCenter.Core;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Carrier.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Notifications.Outbox;
using Twilio.Protocol;
using Twilio.Protocol.Rest;

namespace Notifications.Tests.Infrastructure;

/// <summary>
/// The outbox on a real database, sending through the real carrier simulator (Twilio's REST API over HTTP, on an
/// in-memory server), both on one fake clock. The simulator's status callbacks go nowhere: tests apply callbacks
/// through the hub's own message service, as its webhook does.
/// </summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "outbox-test-token";
    public const string Sender = "+861012345678";

    private readonly WebApplication _carrier;

    private OutboxHarness(WebApplication carrier, ServiceProvider hub, FakeTimeProvider time)
    {
        _carrier = carrier;
        Hub = hub;
        Time = time;
    }

    /// <summary>Mon 23 Nov 2026 10:00 in Shanghai: inside the default window.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public ServiceProvider Hub { get; }

    public FakeTimeProvider Time { get; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public INotificationOutbox Outbox => Hub.GetRequiredService<INotificationOutbox>();

    public INotificationRepository Rows => Hub.GetRequiredService<INotificationRepository>();

    public OutboxDispatcher Dispatcher => Hub.GetRequiredService<OutboxDispatcher>();

    /// <summary>A client of the simulator's REST API, as the hub has.</summary>
    public TwilioRestClient Carrier => Hub.GetRequiredService<TwilioRestClientFactory>().Create();

    public HttpClient CarrierHttp => _carrier.GetTestClient();

    public static async Task<OutboxHarness> StartAsync(
        TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var time = clock ?? new FakeTimeProvider(Start);
        var twilio = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = "https://hub.test",
            ["Twilio:ApiBaseUrl"] = "https://hub.test/simulator",
            ["Twilio:MaxAttempts"] = "1",
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(twilio);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddTwilioProtocol();
        builder.Services.AddCarrierSimulator();
        builder.Services.AddHttpClient("carrier-simulator").ConfigurePrimaryHttpMessageHandler(() => new NoHub());
        var carrier = builder.Build();
        carrier.MapCarrierSimulator();
        await carrier.StartAsync();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(twilio)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:Sms:From"] = Sender,
                ["Notifications:Sms:MessagesPerSecond"] = "1000",
                ["Notifications:Sms:Burst"] = "1000",
                ["Notifications:Rules:MaxPerPatient"] = "0",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddCallCenterCore();
        services.AddTwilioProtocol();
        services.AddNotifications();
        services.AddHttpClient<TwilioRestClient>().ConfigurePrimaryHttpMessageHandler(() => carrier.GetTestServer().CreateHandler());
        configure?.Invoke(services);
        var hub = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new OutboxHarness(carrier, hub, time);
    }

    /// <summary>What the carrier holds for a number, newest first.</summary>
    public async Task<IReadOnlyList<MessageResource>> AtCarrierAsync(string to) =>
        (await Carrier.ListMessagesAsync(new MessageListFilter { To = to, PageSize = 1000 })).Messages;

    public async Task<Patient> AddPatientAsync(string phone, string timeZone = "Asia/Shanghai")
    {
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(), FullName = UniqueData.Name("patient"), Gender = Genders.Unknown, PreferredLanguage = "zh-CN",
            TimeZone = timeZone, CreatedAt = Now, UpdatedAt = Now,
            Phones = [new PatientPhone { E164 = phone, Kind = PhoneKinds.Mobile, IsPrimary = true }],
        };
        Assert.Equal(PatientSaveResult.Saved, await Hub.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        return patient;
    }

    public static OutboundMessage Sms(string to, string body, Guid? patientId = null) => new()
    {
        Channel = NotificationChannels.Sms,
        Purpose = NotificationPurposes.AppointmentReminder,
        Recipient = to,
        Body = body,
        PatientId = patientId,
    };

    /// <summary>Dispatch passes until nothing is due now.</summary>
    public async Task DispatchAllAsync()
    {
        while (await Dispatcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    public async Task<Notification> RowAsync(Guid id) => await Rows.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("No such row.");

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await _carrier.DisposeAsync();
    }

    // The simulator's status callbacks and replies: taken and dropped, as a hub that answers 204.
    private sealed class NoHub : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
    }
}
