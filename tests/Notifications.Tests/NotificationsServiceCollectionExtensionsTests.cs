using CallCenter.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Channels;
using Twilio.Protocol;
using Twilio.Protocol.Sms;

namespace Notifications.Tests;

public sealed class NotificationsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddNotifications_WithTheTwilioProtocol_BuildsTheSmsChannelAndSegmentCalculator()
    {
        using var provider = new ServiceCollection().AddLogging().AddTwilioProtocol().AddNotifications()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var first = provider.GetRequiredService<SmsSegmentCalculator>();

        Assert.Same(first, provider.GetRequiredService<SmsSegmentCalculator>());
        Assert.IsType<TwilioSmsChannel>(provider.GetRequiredService<ISmsCarrier>());
    }
}
