using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Sms;

namespace Notifications.Tests;

public sealed class NotificationsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddNotifications_RegistersSegmentCalculatorAsSingleton()
    {
        using var provider = new ServiceCollection().AddNotifications().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var first = provider.GetRequiredService<SmsSegmentCalculator>();

        Assert.Same(first, provider.GetRequiredService<SmsSegmentCalculator>());
    }
}
