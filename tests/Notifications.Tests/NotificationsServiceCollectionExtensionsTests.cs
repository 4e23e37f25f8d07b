using CallCenter.Core;
using CallCenter.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Notifications.Channels.Email;
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
            // The repositories encrypt fields: the core needs a key to be built (the hub generates one outside Production).
            [$"Encryption:Keys:{CallCenter.Testing.TestDatabase.TestKeyId}"] = CallCenter.Testing.TestDatabase.TestKey,
            ["Encryption:ActiveKeyId"] = CallCenter.Testing.TestDatabase.TestKeyId,
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddCallCenterCore().AddTwilioProtocol().AddNotifications()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var first = provider.GetRequiredService<SmsSegmentCalculator>();

        Assert.Same(first, provider.GetRequiredService<SmsSegmentCalculator>());
        Assert.IsType<TwilioSmsChannel>(provider.GetRequiredService<ISmsCarrier>());
        Assert.Contains(provider.GetServices<INotificationChannel>(), c => c.Name == NotificationChannels.Sms);
        Assert.Contains(provider.GetServices<INotificationChannel>(), c => c is EmailNotificationChannel && c.Name == NotificationChannels.Email);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is OutboxDispatcherService);
        Assert.Contains(provider.GetServices<IMessageStatusListener>(), l => l is NotificationDeliveryListener);
    }

    [Fact]
    public void AddNotifications_BindsEmailSettingsFromNotificationsEmail_AndRefusesABadOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Notifications:Email:Host"] = "smtp.hospital.test",
            ["Notifications:Email:Port"] = "465",
            ["Notifications:Email:Security"] = "SslOnConnect",
            ["Notifications:Email:FromAddress"] = "not-an-address",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCallCenterCore().AddTwilioProtocol().AddNotifications()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<EmailSender>(provider.GetRequiredService<IEmailSender>());
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains("Notifications:Email:FromAddress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNotifications_EmailSettingsBound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Notifications:Email:Host"] = "smtp.hospital.test",
            ["Notifications:Email:Port"] = "465",
            ["Notifications:Email:Security"] = "SslOnConnect",
            ["Notifications:Email:FromAddress"] = "reminders@hospital.test",
            ["Notifications:Email:Timeout"] = "00:00:10",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCallCenterCore().AddTwilioProtocol().AddNotifications()
            .BuildServiceProvider();

        var email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal(("smtp.hospital.test", 465, EmailSecurity.SslOnConnect, TimeSpan.FromSeconds(10)), (email.Host, email.Port, email.Security, email.Timeout));
    }
}
