using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Keeps a waitlist offer's answer window where the patient can use it. An offer written at 22:30 for a place at
/// 09:00 waits for the morning's quiet hours to end; if its window ran from 22:30 it would lapse unread, and the
/// next patient's offer with it, all night. So: while the SMS waits the offer stays open until the window after it
/// can leave; when it leaves the window runs from then (the department's minutes, never past the place's start);
/// when it will never leave (no consent, opted out) the offer lapses now and the next patient is offered the place.
/// </summary>
internal sealed class WaitlistOfferWindow(IOptions<ReminderOptions> options) : IReminderSendListener
{
    /// <summary>The correlation the offerer gives an offer's SMS: <c>offer/{offer id}</c>.</summary>
    public const string CorrelationPrefix = "offer/";

    private const string OfferSql = """
        SELECT o.id, o.status, o.expires_at, o.pending_reply_id, s.starts_at, ds.waitlist_offer_minutes AS minutes
        FROM waitlist_offer o
        JOIN slot s ON s.id = o.slot_id
        JOIN doctor d ON d.id = s.doctor_id
        LEFT JOIN department_setting ds ON ds.department_id = d.department_id
        WHERE o.id = @Id
        """;

    private const string SetOfferExpirySql = "UPDATE waitlist_offer SET expires_at = @ExpiresAt WHERE id = @Id AND status = 'open'";

    private const string SetReplyExpirySql = "UPDATE sms_pending_reply SET expires_at = @ExpiresAt WHERE id = @PendingReplyId AND closed_at IS NULL";

    public static string CorrelationOf(Guid offerId) => CorrelationPrefix + offerId.ToString("D");

    public async Task ProgressedAsync(IReadOnlyList<ReminderSendProgress> progress, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        foreach (var step in progress)
        {
            if (!step.Correlation.StartsWith(CorrelationPrefix, StringComparison.Ordinal)
                || !Guid.TryParse(step.Correlation.AsSpan(CorrelationPrefix.Length), out var offerId))
            {
                continue;
            }

            var offer = await connection.QuerySingleOrDefaultAsync<OfferRow>(new CommandDefinition(OfferSql, new { Id = offerId }, transaction, cancellationToken: cancellationToken));
            if (offer is null || offer.Status != WaitlistOfferStatuses.Open)
            {
                continue;
            }

            var window = TimeSpan.FromMinutes(offer.Minutes ?? options.Value.DefaultWaitlistOfferMinutes);
            var expiresAt = step.Stage switch
            {
                ReminderSendStage.Left => Earlier(step.At + window, offer.StartsAt),
                ReminderSendStage.Waiting => Later(offer.ExpiresAt, Earlier(step.At + window, offer.StartsAt)),
                _ => step.At,
            };
            if (expiresAt == offer.ExpiresAt)
            {
                continue;
            }

            var keys = new { Id = offerId, offer.PendingReplyId, ExpiresAt = expiresAt };
            await connection.ExecuteAsync(new CommandDefinition(SetOfferExpirySql, keys, transaction, cancellationToken: cancellationToken));
            if (offer.PendingReplyId is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(SetReplyExpirySql, keys, transaction, cancellationToken: cancellationToken));
            }
        }
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private sealed record OfferRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public DateTime ExpiresAt { get; init; }
        public Guid? PendingReplyId { get; init; }
        public DateTime StartsAt { get; init; }
        public int? Minutes { get; init; }
    }
}
