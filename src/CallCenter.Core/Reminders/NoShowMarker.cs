using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Data;
using CallCenter.Core.Scheduling;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Marks as no-show every booked or confirmed appointment not checked in by its start plus its department's grace.
/// Each is its own conditional transition (a check-in racing it wins or loses cleanly; a second run finds nothing),
/// heard by the change listeners like any other. Only appointments that started within the last day are looked at:
/// older ones left open were never in this rule's care.
/// </summary>
internal sealed class NoShowMarker(IDbConnectionFactory db, IAppointmentRepository appointments, IAuditLog audit, IOptions<ReminderOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(1);

    private const string DueSql = """
        SELECT a.id, a.patient_id, s.starts_at, d.department_id, ds.no_show_grace_minutes AS grace_minutes
        FROM appointment a
        JOIN slot s ON s.id = a.slot_id
        JOIN doctor d ON d.id = s.doctor_id
        LEFT JOIN department_setting ds ON ds.department_id = d.department_id
        WHERE a.status IN ('booked', 'confirmed') AND a.checked_in_at IS NULL AND s.starts_at <= @Now AND s.starts_at > @Since
        ORDER BY s.starts_at, a.id
        """;

    /// <summary>Marks up to <see cref="ReminderOptions.NoShowBatchSize"/> due appointments; returns how many it marked.</summary>
    public async Task<int> MarkDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Candidate> candidates;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            candidates = (await connection.QueryAsync<Candidate>(new CommandDefinition(
                DueSql, new { Now = now, Since = now - Lookback }, cancellationToken: cancellationToken))).AsList();
        }

        var marked = 0;
        foreach (var candidate in candidates)
        {
            var grace = candidate.GraceMinutes ?? options.Value.DefaultNoShowGraceMinutes;
            if (candidate.StartsAt.AddMinutes(grace) > now)
            {
                continue;
            }

            var result = await appointments.TransitionAsync(candidate.Id, AppointmentStatus.NoShow, null, cancellationToken);
            if (result.Outcome == TransitionOutcome.Done)
            {
                marked++;
                await audit.WriteAsync(Actor.System, "appointment.no-show", candidate.PatientId, AuditOutcomes.Success, $"appointment {candidate.Id} grace {grace} min", cancellationToken);
                if (marked >= options.Value.NoShowBatchSize)
                {
                    break;
                }
            }
        }

        return marked;
    }

    private sealed record Candidate
    {
        public Guid Id { get; init; }
        public Guid PatientId { get; init; }
        public DateTime StartsAt { get; init; }
        public Guid DepartmentId { get; init; }
        public int? GraceMinutes { get; init; }
    }
}
