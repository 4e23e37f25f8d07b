using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Scheduling;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Offers a freed place to the waitlist, in the transaction that freed it: patients waiting for that slot first,
/// then for the same doctor that day, then for the department that day, each group first come first. Up to
/// <see cref="ReminderOptions.WaitlistOffersPerPlace"/> patients per free place are offered at once; the first to
/// answer "1" within the window books it (<see cref="WaitlistOfferService"/>). A no-show frees nothing to offer:
/// its time has passed.
/// </summary>
internal sealed class WaitlistOfferer(IEnumerable<IReminderOutbox> queues, IOptions<ReminderOptions> options, TimeProvider time) : IAppointmentChangeListener
{
    private readonly IReminderOutbox[] _queues = queues.ToArray();

    public Task OnChangedAsync(AppointmentChange change, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            AppointmentChangeKind.Cancelled =>
                OfferAsync(new FreedPlace(change.SlotId, change.DoctorId, change.DepartmentId, change.StartsAt), connection, transaction, cancellationToken),
            AppointmentChangeKind.Moved when change.PreviousSlotId is { } slotId =>
                OfferAsync(new FreedPlace(slotId, change.PreviousDoctorId!.Value, change.PreviousDepartmentId!.Value, change.PreviousStartsAt!.Value), connection, transaction, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private const string FreeSql = "SELECT capacity - booked_count FROM slot WHERE id = @SlotId";

    private const string OpenOffersSql = """
        SELECT COUNT(*) FROM waitlist_offer WHERE slot_id = @SlotId AND status = 'open' AND expires_at > @Now
        """;

    private const string OfferMinutesSql = "SELECT waitlist_offer_minutes FROM department_setting WHERE department_id = @DepartmentId";

    // Everyone waiting that day in the department who has not been offered this slot and does not hold it already.
    private const string CandidatesSql = """
        SELECT w.id AS entry_id, w.patient_id, w.slot_id AS waited_slot_id, ws.doctor_id AS waited_doctor_id, w.created_at
        FROM waitlist_entry w
        JOIN slot ws ON ws.id = w.slot_id
        JOIN doctor d ON d.id = ws.doctor_id
        WHERE d.department_id = @DepartmentId AND ws.starts_at >= @DayStart AND ws.starts_at < @DayEnd
          AND NOT EXISTS (SELECT 1 FROM waitlist_offer o WHERE o.slot_id = @SlotId AND o.patient_id = w.patient_id)
          AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slot_id = @SlotId AND a.patient_id = w.patient_id AND a.status IN ('booked', 'confirmed'))
        """;

    private const string InsertOfferSql = """
        INSERT INTO waitlist_offer (id, slot_id, patient_id, waitlist_entry_id, pending_reply_id, status, offered_at, expires_at, answered_at, appointment_id)
        VALUES (@Id, @SlotId, @PatientId, @EntryId, @PendingReplyId, 'open', @Now, @ExpiresAt, NULL, NULL)
        """;

    /// <summary>Offers the slot's free places to waiting patients not yet offered it; returns how many were offered.</summary>
    public async Task<int> OfferAsync(FreedPlace place, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var now = time.GetUtcNow().UtcDateTime;
        if (place.StartsAt <= now)
        {
            return 0;
        }

        var keys = new { place.SlotId, place.DepartmentId, Now = now };
        var free = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(FreeSql, keys, transaction, cancellationToken: cancellationToken)) ?? 0;
        var open = await connection.ExecuteScalarAsync<long>(new CommandDefinition(OpenOffersSql, keys, transaction, cancellationToken: cancellationToken));
        var wanted = (free * options.Value.WaitlistOffersPerPlace) - open;
        if (wanted <= 0)
        {
            return 0;
        }

        var minutes = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(OfferMinutesSql, keys, transaction, cancellationToken: cancellationToken))
            ?? options.Value.DefaultWaitlistOfferMinutes;
        var expiresAt = now.AddMinutes(minutes);
        if (expiresAt > place.StartsAt)
        {
            expiresAt = place.StartsAt;
        }

        var (dayStart, dayEnd) = LocalDay(place.StartsAt);
        var candidates = (await connection.QueryAsync<Candidate>(new CommandDefinition(
            CandidatesSql, new { place.SlotId, place.DepartmentId, DayStart = dayStart, DayEnd = dayEnd }, transaction, cancellationToken: cancellationToken))).AsList();
        var ordered = candidates
            .OrderBy(c => c.WaitedSlotId == place.SlotId ? 0 : c.WaitedDoctorId == place.DoctorId ? 1 : 2)
            .ThenBy(c => c.CreatedAt)
            .ThenBy(c => c.EntryId)
            .DistinctBy(c => c.PatientId);

        var offered = 0;
        Dictionary<string, string>? variables = null;
        foreach (var candidate in ordered)
        {
            if (offered >= wanted)
            {
                break;
            }

            // The answer comes by SMS: a patient without a mobile number cannot take an offer that lapses in minutes.
            if (await ReminderRows.MobilePhoneAsync(connection, transaction, candidate.PatientId, cancellationToken) is not { } phone)
            {
                continue;
            }

            var offerId = Ids.New(time);
            var pendingReplyId = Ids.New(time);
            await ReminderRows.AddPendingReplyAsync(
                connection, transaction, pendingReplyId, phone, ReplyPurposes.WaitlistOffer, candidate.PatientId, null, now, expiresAt, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                InsertOfferSql,
                new { Id = offerId, place.SlotId, candidate.PatientId, candidate.EntryId, PendingReplyId = pendingReplyId, Now = now, ExpiresAt = expiresAt },
                transaction,
                cancellationToken: cancellationToken));
            variables ??= await ReminderRows.VisitVariablesAsync(connection, transaction, place.DoctorId, place.StartsAt, cancellationToken);
            var message = new OutboundMessage
            {
                PatientId = candidate.PatientId,
                Purpose = ReminderPurposes.WaitlistOffer,
                Channel = ReminderChannels.Sms,
                DueAt = now,
                // Its answer window runs from when it leaves (WaitlistOfferWindow); it is of use until the place starts.
                SendBefore = place.StartsAt,
                Urgent = true,
                Correlation = WaitlistOfferWindow.CorrelationOf(offerId),
                Variables = new Dictionary<string, string>(variables, StringComparer.Ordinal) { ["offerMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            foreach (var queue in _queues)
            {
                await queue.EnqueueAsync(message, connection, transaction, cancellationToken);
            }

            offered++;
        }

        return offered;
    }

    private const string PlaceSql = """
        SELECT s.id AS slot_id, s.doctor_id, d.department_id, s.starts_at FROM slot s JOIN doctor d ON d.id = s.doctor_id WHERE s.id = @SlotId
        """;

    /// <summary>Offers the slot again after an offer was declined or lapsed (to patients not offered it yet).</summary>
    public async Task<int> OfferAgainAsync(Guid slotId, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var place = await connection.QuerySingleOrDefaultAsync<PlaceRow>(new CommandDefinition(PlaceSql, new { SlotId = slotId }, transaction, cancellationToken: cancellationToken));
        return place is null ? 0 : await OfferAsync(new FreedPlace(place.SlotId, place.DoctorId, place.DepartmentId, place.StartsAt), connection, transaction, cancellationToken);
    }

    private sealed record PlaceRow
    {
        public Guid SlotId { get; init; }
        public Guid DoctorId { get; init; }
        public Guid DepartmentId { get; init; }
        public DateTime StartsAt { get; init; }
    }

    private (DateTime Start, DateTime End) LocalDay(DateTime startsAtUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), zone).Date;
        var start = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.AddDays(1), DateTimeKind.Unspecified), zone);
        return (start, end);
    }

    private sealed record Candidate
    {
        public Guid EntryId { get; init; }
        public Guid PatientId { get; init; }
        public Guid WaitedSlotId { get; init; }
        public Guid WaitedDoctorId { get; init; }
        public DateTime CreatedAt { get; init; }
    }
}
