using CallCenter.Core;
using CallCenter.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifications.Channels;
using Notifications.Outbox;
using Twilio.Protocol;
using Twilio.Protocol.Sms;

namespace Notifications.Tests;

public sealed class NotificationsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddNotifications_WithTheCoreAndTheTwilioProtocol_BuildsChannelsOutboxAndDispatcher()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddCallCenterCore().AddTwilioProtocol().AddNotifications()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var first = provider.GetRequiredService<SmsSegmentCalculator>();

        Assert.Same(first, provider.GetRequiredService<SmsSegmentCalculator>());
        Assert.IsType<TwilioSmsChannel>(provider.GetRequiredService<ISmsCarrier>());
        Assert.Contains(provider.GetServices<INotificationChannel>(), c => c.Name == NotificationChannels.Sms);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is OutboxDispatcherService);
        Assert.Contains(provider.GetServices<IMessageStatusListener>(), l => l is NotificationDeliveryListener);
    }
}
