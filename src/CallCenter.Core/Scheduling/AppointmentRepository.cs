using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Appointments and the slot's <c>booked_count</c>, kept equal to the slot's appointments that are not
/// cancelled: every change of both happens in one transaction.
/// </summary>
internal sealed class AppointmentRepository(IDbConnectionFactory db, ISqlDialect dialect, TimeProvider time, AppointmentChanges changes) : IAppointmentRepository
{
    private const string Columns = """
        a.id, a.patient_id, a.slot_id, a.status, a.channel, a.reason, a.booked_at, a.updated_at, a.cancel_reason, a.checked_in_at,
        s.starts_at, s.ends_at, s.doctor_id
        """;

    // The guard in the WHERE clause is what prevents overbooking: the row lock serialises concurrent
    // bookings of one slot, and the loser of the last place updates 0 rows.
    private const string TakePlaceSql = """
        UPDATE slot SET booked_count = booked_count + 1 WHERE id = @SlotId AND booked_count < capacity
        """;

    private const string SlotExistsSql = "SELECT COUNT(*) FROM slot WHERE id = @SlotId";

    private const string ActiveForPatientSql = """
        SELECT COUNT(*) FROM appointment
        WHERE slot_id = @SlotId AND patient_id = @PatientId AND status IN ('booked', 'confirmed')
        """;

    private const string InsertSql = """
        INSERT INTO appointment (id, patient_id, slot_id, status, channel, reason, booked_at, updated_at, cancel_reason)
        VALUES (@Id, @PatientId, @SlotId, @Status, @Channel, @Reason, @BookedAt, @UpdatedAt, NULL)
        """;

    private const string LeaveWaitlistSql = "DELETE FROM waitlist_entry WHERE slot_id = @SlotId AND patient_id = @PatientId";

    public async Task<BookingOutcome> BookAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await BookInAsync(appointment, connection, tx, cancellationToken);
        if (outcome == BookingOutcome.Booked)
        {
            await tx.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    public async Task<BookingOutcome> BookInAsync(Appointment appointment, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(connection);
        var keys = new { appointment.SlotId, appointment.PatientId };
        var tx = transaction;
        var taken = await connection.ExecuteAsync(new CommandDefinition(TakePlaceSql, keys, tx, cancellationToken: cancellationToken));
        var alreadyBooked = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(ActiveForPatientSql, keys, tx, cancellationToken: cancellationToken)) > 0;
        if (alreadyBooked)
        {
            return BookingOutcome.AlreadyBooked;
        }

        if (taken == 0)
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SlotExistsSql, keys, tx, cancellationToken: cancellationToken)) > 0;
            return exists ? BookingOutcome.SlotFull : BookingOutcome.SlotNotFound;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new
            {
                appointment.Id,
                appointment.PatientId,
                appointment.SlotId,
                Status = AppointmentStatus.Booked.ToCode(),
                Channel = appointment.Channel.ToCode(),
                appointment.Reason,
                appointment.BookedAt,
                appointment.UpdatedAt,
            },
            tx,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(LeaveWaitlistSql, keys, tx, cancellationToken: cancellationToken));
        await changes.NotifyAsync(AppointmentChangeKind.Booked, appointment.Id, appointment.BookedAt, connection, tx, cancellationToken);
        return BookingOutcome.Booked;
    }

    // Compare-and-set on the status: of two concurrent changes only one finds the status it expects.
    // Two "from" parameters cover every transition (confirm has one source status: it is passed twice).
    private const string SetStatusSql = """
        UPDATE appointment SET status = @Target, updated_at = @Now, cancel_reason = @CancelReason
        WHERE id = @Id AND status IN (@From1, @From2) AND (@Target <> 'no-show' OR checked_in_at IS NULL)
        """;

    private const string GiveBackPlaceSql = """
        UPDATE slot SET booked_count = booked_count - 1
        WHERE id = (SELECT slot_id FROM appointment WHERE id = @Id) AND booked_count > 0
        """;

    public async Task<TransitionResult> TransitionAsync(Guid id, AppointmentStatus target, string? cancelReason, CancellationToken cancellationToken = default)
    {
        var from = AppointmentTransitions.AllowedFrom(target);
        if (from.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "No status leads to this one.");
        }

        int changed;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var parameters = new
            {
                Id = id,
                Target = target.ToCode(),
                Now = time.GetUtcNow().UtcDateTime,
                CancelReason = target == AppointmentStatus.Cancelled ? cancelReason : null,
                From1 = from[0].ToCode(),
                From2 = from[^1].ToCode(),
            };
            changed = await connection.ExecuteAsync(new CommandDefinition(SetStatusSql, parameters, tx, cancellationToken: cancellationToken));
            if (changed == 1 && target == AppointmentStatus.Cancelled)
            {
                await connection.ExecuteAsync(new CommandDefinition(GiveBackPlaceSql, new { Id = id }, tx, cancellationToken: cancellationToken));
            }

            if (changed == 1 && AppointmentChanges.KindOf(target) is { } kind)
            {
                await changes.NotifyAsync(kind, id, parameters.Now, connection, tx, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
        }

        var current = await FindAsync(id, cancellationToken);
        var outcome = current is null ? TransitionOutcome.NotFound : changed == 1 ? TransitionOutcome.Done : TransitionOutcome.NotAllowed;
        return new TransitionResult(outcome, current);
    }

    // The first statement writes, so SQLite takes its write lock before anything is read (a deferred transaction
    // that reads first cannot upgrade once another writer committed). The guard makes a move of a cancelled,
    // finished or checked-in appointment, or a second move racing this one, change nothing.
    private const string ClaimForMoveSql = """
        UPDATE appointment SET updated_at = @Now
        WHERE id = @Id AND slot_id = @FromSlotId AND status IN ('booked', 'confirmed') AND checked_in_at IS NULL
        """;

    private const string SetSlotSql = "UPDATE appointment SET slot_id = @ToSlotId WHERE id = @Id AND slot_id = @FromSlotId";

    private const string GiveBackSlotSql = "UPDATE slot SET booked_count = booked_count - 1 WHERE id = @SlotId AND booked_count > 0";

    private const string SlotStartsAtSql = "SELECT starts_at FROM slot WHERE id = @SlotId";

    public async Task<MoveResult> MoveAsync(Guid id, Guid toSlotId, CancellationToken cancellationToken = default)
    {
        var current = await FindAsync(id, cancellationToken);
        if (current is null)
        {
            return new MoveResult(MoveOutcome.NotFound, null);
        }

        if (current.SlotId == toSlotId)
        {
            return new MoveResult(MoveOutcome.SameSlot, current);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var outcome = await MoveInTransactionAsync(current, toSlotId, now, cancellationToken);
        return new MoveResult(outcome, await FindAsync(id, cancellationToken));
    }

    private async Task<MoveOutcome> MoveInTransactionAsync(Appointment current, Guid toSlotId, DateTime now, CancellationToken cancellationToken)
    {
        var keys = new { current.Id, FromSlotId = current.SlotId, ToSlotId = toSlotId, SlotId = toSlotId, current.PatientId, Now = now };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(ClaimForMoveSql, keys, tx, cancellationToken: cancellationToken)) == 0)
        {
            return MoveOutcome.NotAllowed;
        }

        var slot = await connection.QuerySingleOrDefaultAsync<SlotStart>(new CommandDefinition(SlotStartsAtSql, keys, tx, cancellationToken: cancellationToken));
        if (slot is null)
        {
            return MoveOutcome.SlotNotFound;
        }

        if (slot.StartsAt <= now)
        {
            return MoveOutcome.SlotInPast;
        }

        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(ActiveForPatientSql, keys, tx, cancellationToken: cancellationToken)) > 0)
        {
            return MoveOutcome.AlreadyBooked;
        }

        if (await connection.ExecuteAsync(new CommandDefinition(TakePlaceSql, keys, tx, cancellationToken: cancellationToken)) == 0)
        {
            return MoveOutcome.SlotFull;
        }

        await connection.ExecuteAsync(new CommandDefinition(SetSlotSql, keys, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(GiveBackSlotSql, new { SlotId = current.SlotId }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(LeaveWaitlistSql, keys, tx, cancellationToken: cancellationToken));
        await changes.NotifyAsync(AppointmentChangeKind.Moved, current.Id, now, connection, tx, cancellationToken, previousSlotId: current.SlotId);
        await tx.CommitAsync(cancellationToken);
        return MoveOutcome.Moved;
    }

    private const string CheckInSql = """
        UPDATE appointment SET checked_in_at = @Now, updated_at = @Now
        WHERE id = @Id AND status IN ('booked', 'confirmed') AND checked_in_at IS NULL
        """;

    public async Task<TransitionResult> CheckInAsync(Guid id, CancellationToken cancellationToken = default)
    {
        int changed;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            changed = await connection.ExecuteAsync(new CommandDefinition(CheckInSql, new { Id = id, Now = now }, tx, cancellationToken: cancellationToken));
            if (changed == 1)
            {
                await changes.NotifyAsync(AppointmentChangeKind.CheckedIn, id, now, connection, tx, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
        }

        var current = await FindAsync(id, cancellationToken);
        var outcome = current is null ? TransitionOutcome.NotFound : changed == 1 ? TransitionOutcome.Done : TransitionOutcome.NotAllowed;
        return new TransitionResult(outcome, current);
    }

    private const string FindSql = $"SELECT {Columns} FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE a.id = @Id";

    public async Task<Appointment?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AppointmentRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToAppointment();
    }

    private const string UpcomingSql = $"""
        SELECT {Columns} FROM appointment a JOIN slot s ON s.id = a.slot_id
        WHERE a.patient_id = @PatientId AND s.starts_at >= @Now
        ORDER BY s.starts_at, a.id
        {SqlMarkers.Page}
        """;

    private const string PastSql = $"""
        SELECT {Columns} FROM appointment a JOIN slot s ON s.id = a.slot_id
        WHERE a.patient_id = @PatientId AND s.starts_at < @Now
        ORDER BY s.starts_at DESC, a.id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<Appointment>> ListForPatientAsync(Guid patientId, bool upcoming, DateTime now, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
            dialect.Render(upcoming ? UpcomingSql : PastSql),
            new { PatientId = patientId, Now = now, page.Skip, Take = page.Take + 1 },
            cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.Select(r => r.ToAppointment()).ToList(), page);
    }

    private sealed record SlotStart
    {
        public DateTime StartsAt { get; init; }
    }

    // Status and channel are stored as their kebab-case codes, which Dapper cannot map to the enums itself.
    private sealed record AppointmentRow
    {
        public Guid Id { get; init; }
        public Guid PatientId { get; init; }
        public Guid SlotId { get; init; }
        public string Status { get; init; } = "";
        public string Channel { get; init; } = "";
        public string? Reason { get; init; }
        public DateTime BookedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public string? CancelReason { get; init; }
        public DateTime? CheckedInAt { get; init; }
        public DateTime StartsAt { get; init; }
        public DateTime EndsAt { get; init; }
        public Guid DoctorId { get; init; }

        public Appointment ToAppointment() => new()
        {
            Id = Id,
            PatientId = PatientId,
            SlotId = SlotId,
            Status = AppointmentCodes.ParseStatus(Status),
            Channel = AppointmentCodes.ParseChannel(Channel),
            Reason = Reason,
            BookedAt = BookedAt,
            UpdatedAt = UpdatedAt,
            CancelReason = CancelReason,
            CheckedInAt = CheckedInAt,
            StartsAt = StartsAt,
            EndsAt = EndsAt,
            DoctorId = DoctorId,
        };
    }
}
