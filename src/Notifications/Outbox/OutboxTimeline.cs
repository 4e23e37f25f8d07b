using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Messaging;

namespace Notifications.Outbox;

/// <summary>
/// The outbox's entries on the patient's timeline (a send, then its delivery outcome; replies are recorded there by
/// the inbound SMS path), and the catch-up of a status the carrier reported before the row knew its carrier id.
/// </summary>
internal sealed class OutboxTimeline(IInteractionRepository interactions, IMessageRepository messages, INotificationRepository notifications, TimeProvider time)
{
    public Task SentAsync(Notification row, string carrierId, CancellationToken cancellationToken) =>
        AddAsync(row, carrierId, $"{row.Purpose} {row.Channel} sent", cancellationToken);

    public Task OutcomeAsync(Notification row, CancellationToken cancellationToken) =>
        AddAsync(row, row.CarrierId, $"{row.Purpose} {row.Channel} {row.Status}", cancellationToken);

    public async Task CatchUpAsync(Notification row, string carrierId, CancellationToken cancellationToken)
    {
        if (row.Channel != NotificationChannels.Sms || await messages.FindBySidAsync(carrierId, cancellationToken) is not { } message)
        {
            return;
        }

        if (OutboxStatusOf(message.Status) is { } status
            && await notifications.ApplyCarrierStatusAsync(carrierId, status, message.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), time.GetUtcNow().UtcDateTime, cancellationToken) is { } moved
            && NotificationStatuses.Rank(moved.Status) == 3)
        {
            await OutcomeAsync(moved, cancellationToken);
        }
    }

    /// <summary>The outbox status for a message status code (the <c>message</c> table's), null for none that matters.</summary>
    public static string? OutboxStatusOf(string messageStatus) => messageStatus switch
    {
        "accepted" or "scheduled" or "queued" or "sending" => NotificationStatuses.Queued,
        "sent" => NotificationStatuses.Sent,
        "delivered" or "read" => NotificationStatuses.Delivered,
        "undelivered" => NotificationStatuses.Undelivered,
        "failed" => NotificationStatuses.Failed,
        _ => null,
    };

    private async Task AddAsync(Notification row, string? carrierId, string summary, CancellationToken cancellationToken)
    {
        if (row.PatientId is not { } patientId)
        {
            return;
        }

        await interactions.AddAsync(
            new Interaction
            {
                Id = Ids.New(time),
                PatientId = patientId,
                Kind = row.Channel switch
                {
                    NotificationChannels.Email => InteractionKinds.Email,
                    NotificationChannels.Voice => InteractionKinds.Call,
                    _ => InteractionKinds.Sms,
                },
                Direction = InteractionDirections.Outbound,
                OccurredAt = time.GetUtcNow().UtcDateTime,
                Summary = summary,
                ExternalId = carrierId,
            },
            cancellationToken);
    }
}
