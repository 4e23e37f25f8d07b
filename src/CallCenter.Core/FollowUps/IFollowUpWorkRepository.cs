using System.Data.Common;
using CallCenter.Core.Common;

namespace CallCenter.Core.FollowUps;

/// <summary>Follow-ups as work: planned, listed, attempted, reported.</summary>
public interface IFollowUpWorkRepository
{
    /// <summary>Adds a planned follow-up in the caller's transaction unless one exists for its call key; false then.</summary>
    Task<bool> AddPlannedAsync(FollowUp followUp, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The patient's consultant, mobile and language, read in the caller's transaction.</summary>
    Task<(Guid? AssignedUserId, string? Mobile, string? Language)> PatientAsync(Guid patientId, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Follow-ups, the earliest due first. With <paramref name="scopeUserId"/> (an agent) only those assigned to them or to
    /// no one, of patients they may see, and no service-recovery tasks (those are for supervisors).
    /// </summary>
    Task<Page<FollowUp>> ListAsync(FollowUpQuery query, Guid? scopeUserId, CancellationToken cancellationToken = default);

    Task<FollowUp?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an attempt and moves the follow-up (status, outcome, next due time) if it is still open with
    /// <paramref name="expectedAttempts"/> attempts; false, changing nothing, when another attempt was recorded first.
    /// </summary>
    Task<bool> RecordAsync(FollowUpAttempt attempt, string status, DateTime? dueAt, int expectedAttempts, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FollowUpAttempt>> AttemptsAsync(Guid followUpId, CancellationToken cancellationToken = default);

    /// <summary>Per department, follow-ups due in [fromUtc, toUtc) (null: any time).</summary>
    Task<IReadOnlyList<FollowUpDepartmentReport>> ReportAsync(Guid? departmentId, DateTime? fromUtc, DateTime? toUtc, DateTime now, CancellationToken cancellationToken = default);
}
