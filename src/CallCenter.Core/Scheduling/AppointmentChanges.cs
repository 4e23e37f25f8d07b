using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Tells every <see cref="IAppointmentChangeListener"/> of a change, inside the transaction that made it, with the
/// appointment's slot, doctor and department as they stand in that transaction.
/// </summary>
internal sealed class AppointmentChanges(IEnumerable<IAppointmentChangeListener> listeners)
{
    private readonly IAppointmentChangeListener[] _listeners = listeners.ToArray();

    private const string ReadSql = """
        SELECT a.patient_id, a.status, a.slot_id, s.starts_at, s.doctor_id, d.department_id
        FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN doctor d ON d.id = s.doctor_id
        WHERE a.id = @Id
        """;

    private const string ReadSlotSql = """
        SELECT s.id AS slot_id, s.starts_at, s.doctor_id, d.department_id
        FROM slot s JOIN doctor d ON d.id = s.doctor_id WHERE s.id = @SlotId
        """;

    public bool Any => _listeners.Length > 0;

    public async Task NotifyAsync(
        AppointmentChangeKind kind, Guid appointmentId, DateTime at, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken, Guid? previousSlotId = null)
    {
        if (_listeners.Length == 0)
        {
            return;
        }

        var row = await connection.QuerySingleAsync<ChangeRow>(new CommandDefinition(ReadSql, new { Id = appointmentId }, transaction, cancellationToken: cancellationToken));
        var previous = previousSlotId is { } slotId
            ? await connection.QuerySingleAsync<SlotRow>(new CommandDefinition(ReadSlotSql, new { SlotId = slotId }, transaction, cancellationToken: cancellationToken))
            : null;
        var change = new AppointmentChange
        {
            Kind = kind,
            AppointmentId = appointmentId,
            PatientId = row.PatientId,
            Status = AppointmentCodes.ParseStatus(row.Status),
            SlotId = row.SlotId,
            DoctorId = row.DoctorId,
            DepartmentId = row.DepartmentId,
            StartsAt = row.StartsAt,
            PreviousSlotId = previous?.SlotId,
            PreviousDoctorId = previous?.DoctorId,
            PreviousDepartmentId = previous?.DepartmentId,
            PreviousStartsAt = previous?.StartsAt,
            At = at,
        };
        foreach (var listener in _listeners)
        {
            await listener.OnChangedAsync(change, connection, transaction, cancellationToken);
        }
    }

    public static AppointmentChangeKind? KindOf(AppointmentStatus target) => target switch
    {
        AppointmentStatus.Confirmed => AppointmentChangeKind.Confirmed,
        AppointmentStatus.Cancelled => AppointmentChangeKind.Cancelled,
        AppointmentStatus.Completed => AppointmentChangeKind.Completed,
        AppointmentStatus.NoShow => AppointmentChangeKind.NoShow,
        _ => null,
    };

    private sealed record ChangeRow
    {
        public Guid PatientId { get; init; }
        public string Status { get; init; } = "";
        public Guid SlotId { get; init; }
        public DateTime StartsAt { get; init; }
        public Guid DoctorId { get; init; }
        public Guid DepartmentId { get; init; }
    }

    private sealed record SlotRow
    {
        public Guid SlotId { get; init; }
        public DateTime StartsAt { get; init; }
        public Guid DoctorId { get; init; }
        public Guid DepartmentId { get; init; }
    }
}
