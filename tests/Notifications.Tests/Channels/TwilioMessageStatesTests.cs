using CallCenter.Core.Messaging;
using Notifications.Channels;
using Twilio.Protocol.Webhooks;

namespace Notifications.Tests.Channels;

public sealed class TwilioMessageStatesTests
{
    [Fact]
    public void Of_EveryTwilioStatus_HasAStateOfTheSameName()
    {
        foreach (var status in Enum.GetValues<MessageStatus>())
        {
            Assert.Equal(status.ToString(), TwilioMessageStates.Of(status).ToString());
        }
    }

    [Fact]
    public void Of_DeliveredAndUndelivered_AreKeptApart() =>
        Assert.Equal((MessageState.Delivered, MessageState.Undelivered), (TwilioMessageStates.Of(MessageStatus.Delivered), TwilioMessageStates.Of(MessageStatus.Undelivered)));
}
