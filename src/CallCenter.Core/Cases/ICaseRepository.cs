using System.Data.Common;
using CallCenter.Core.Common;

namespace CallCenter.Core.Cases;

/// <summary>Complaint cases, their history and links. Every change writes its history entry in the same transaction.</summary>
public interface ICaseRepository
{
    /// <summary>Stores the case, its "opened" entry and its links; false, with nothing written, when its origin key is taken.</summary>
    Task<bool> TryAddAsync(ComplaintCase complaint, CaseNote opened, IReadOnlyList<CaseLink> links, CancellationToken cancellationToken = default);

    Task<ComplaintCase?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<ComplaintCase?> FindByOriginAsync(string originKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseNote>> NotesAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseLink>> LinksAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A page of cases, newest first, that <paramref name="viewer"/> may see (the patient scope rule in SQL).</summary>
    Task<Page<ComplaintCase>> ListAsync(CaseQuery query, CaseViewer viewer, DateTime now, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Open and investigating cases of a patient, oldest first (the screen-pop's open complaints).</summary>
    Task<IReadOnlyList<ComplaintCase>> ActiveForPatientAsync(Guid patientId, CancellationToken cancellationToken = default);

    /// <summary>Moves the case from <paramref name="fromStatus"/> to <paramref name="toStatus"/>; false when its status is no longer <paramref name="fromStatus"/>.</summary>
    Task<bool> MoveAsync(Guid id, string fromStatus, string toStatus, CaseNote entry, CancellationToken cancellationToken = default);

    /// <summary>Sets the owner (null: nobody); false when the case's status is no longer <paramref name="status"/>.</summary>
    Task<bool> AssignAsync(Guid id, Guid? ownerId, string status, CaseNote entry, CancellationToken cancellationToken = default);

    /// <summary>Adds a note; a note on an active case is its first response if it had none.</summary>
    Task AddNoteAsync(CaseNote note, CancellationToken cancellationToken = default);

    /// <summary>Links a call or message; false when it was linked already (nothing written).</summary>
    Task<bool> TryLinkAsync(CaseLink link, CaseNote entry, CancellationToken cancellationToken = default);

    /// <summary>True when the hub has a call (kind call) or message (kind message) with this SID.</summary>
    Task<bool> SidExistsAsync(string kind, string sid, CancellationToken cancellationToken = default);

    /// <summary>Active cases past a due time not yet escalated for it, oldest due first.</summary>
    Task<IReadOnlyList<CaseBreach>> BreachesAsync(DateTime now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the breach escalated inside <paramref name="transaction"/> (with an "escalated" history entry), only if it
    /// still holds and nobody marked it: true for exactly one caller per breach, however many processes race.
    /// </summary>
    Task<bool> TryMarkEscalatedAsync(DbTransaction transaction, CaseBreach breach, DateTime now, CancellationToken cancellationToken = default);
}
