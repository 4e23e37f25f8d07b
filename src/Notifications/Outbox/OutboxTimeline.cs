using System.Globalization;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;

namespace Notifications.Outbox;

/// <summary>
/// The outbox's entries on the patient's timeline (a send, then its delivery outcome; replies are recorded there by
/// the inbound SMS path), and the catch-up of statuses the carrier reported before a batch's rows knew their carrier ids.
/// </summary>
internal sealed class OutboxTimeline(IInteractionRepository interactions, INotificationRepository notifications, TimeProvider time)
{
    /// <summary>The timeline entry of an accepted send, written with the batch's outcomes; null for other outcomes and rows without a patient.</summary>
    public Interaction? SentEntry(DispatchOutcome outcome) =>
        outcome.Kind == DispatchOutcomeKind.Accepted ? Entry(outcome.Row, outcome.CarrierId, $"{outcome.Row.Purpose} {outcome.Row.Channel} sent") : null;

    public async Task OutcomeAsync(Notification row, CancellationToken cancellationToken)
    {
        if (Entry(row, row.CarrierId, $"{row.Purpose} {row.Channel} {row.Status}") is { } entry)
        {
            await interactions.AddAsync(entry, cancellationToken);
        }
    }

    /// <summary>
    /// After a batch's outcomes are committed: a callback that came before a row had its carrier id found nothing to
    /// move, but its status is in the message record; apply those, then release the batch's claim.
    /// </summary>
    public async Task CatchUpAsync(Guid claimToken, CancellationToken cancellationToken)
    {
        foreach (var seen in await notifications.StatusesSeenAsync(claimToken, cancellationToken))
        {
            if (OutboxStatusOf(seen.MessageStatus) is { } status
                && await notifications.ApplyCarrierStatusAsync(seen.CarrierId, status, seen.ErrorCode?.ToString(CultureInfo.InvariantCulture), time.GetUtcNow().UtcDateTime, cancellationToken) is { } moved
                && NotificationStatuses.Rank(moved.Status) == 3)
            {
                await OutcomeAsync(moved, cancellationToken);
            }
        }

        await notifications.ReleaseClaimAsync(claimToken, cancellationToken);
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

    private Interaction? Entry(Notification row, string? carrierId, string summary) =>
        row.PatientId is not { } patientId
            ? null
            : new Interaction
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
            };
}
