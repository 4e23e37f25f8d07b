using System.Globalization;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using Twilio.Protocol.Rest;

namespace Notifications.Outbox;

/// <summary>
/// Moves an outbox row with the carrier's status callbacks, forward only (a repeat or a late "sent" changes nothing),
/// and puts its delivery outcome on the patient's timeline once. Twilio's 21610 (the recipient unsubscribed)
/// suppresses the number.
/// </summary>
internal sealed class NotificationDeliveryListener(
    INotificationRepository notifications,
    IRecipientSuppressions suppressions,
    OutboxTimeline timeline,
    TimeProvider time) : IMessageStatusListener
{
    public async Task StatusReceivedAsync(MessageStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var error = update.ErrorCode?.ToString(CultureInfo.InvariantCulture);
        if (update.ErrorCode == TwilioErrorCodes.RecipientOptedOut && update.To is { Length: > 0 } to)
        {
            await suppressions.SuppressAsync(ConsentChannels.Sms, to, "carrier " + error, cancellationToken);
        }

        if (OutboxTimeline.OutboxStatusOf(update.State.ToCode()) is not { } status)
        {
            return;
        }

        var moved = await notifications.ApplyCarrierStatusAsync(update.MessageSid, status, error, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (moved is not null && NotificationStatuses.Rank(moved.Status) == 3)
        {
            await timeline.OutcomeAsync(moved, cancellationToken);
        }
    }
}
