using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Waitlists of full slots. Entries are patient data: the patient's scope is checked and every read or
/// change audited; entries of patients the actor may not see are left out of lists.
/// </summary>
public sealed class WaitlistService(
    IWaitlistRepository waitlist, ISlotRepository slots, IPatientScopeReader patients, PatientScopeGuard scope, IAuditLog audit, TimeProvider time)
{
    public async Task<WaitlistAddResult> AddAsync(Actor actor, Guid slotId, Guid patientId, string? note, CancellationToken cancellationToken = default)
    {
        if (!await scope.AllowAsync(actor, patientId, "waitlist.add", $"slot {slotId}", cancellationToken))
        {
            return new WaitlistAddResult(WaitlistAddOutcome.PatientNotFound);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var slot = await slots.FindAsync(slotId, cancellationToken);
        var outcome = slot switch
        {
            null => WaitlistAddOutcome.SlotNotFound,
            _ when slot.StartsAt <= now => WaitlistAddOutcome.SlotInPast,

            // A free place should be booked, not waited for.
            _ when slot.FreeCount > 0 => WaitlistAddOutcome.SlotHasRoom,
            _ => WaitlistAddOutcome.Added,
        };

        WaitlistEntry? entry = null;
        if (outcome == WaitlistAddOutcome.Added)
        {
            entry = new WaitlistEntry { Id = Ids.New(time), SlotId = slotId, PatientId = patientId, Note = note, CreatedAt = now };
            if (!await waitlist.TryAddAsync(entry, cancellationToken))
            {
                outcome = WaitlistAddOutcome.AlreadyWaiting;
                entry = null;
            }
        }

        await audit.WriteAsync(
            actor,
            "waitlist.add",
            patientId,
            entry is null ? AuditOutcomes.Failed : AuditOutcomes.Success,
            entry is null ? $"slot {slotId} {outcome}" : $"waitlist {entry.Id} slot {slotId}",
            cancellationToken);
        return new WaitlistAddResult(outcome, entry);
    }

    /// <summary>The slot's waitlist in arrival order, only patients the actor may see; null when the slot does not exist.</summary>
    public async Task<IReadOnlyList<WaitlistEntry>?> ListAsync(Actor actor, Guid slotId, CancellationToken cancellationToken = default)
    {
        if (await slots.FindAsync(slotId, cancellationToken) is null)
        {
            return null;
        }

        var visible = new List<WaitlistEntry>();
        foreach (var entry in await waitlist.ListForSlotAsync(slotId, cancellationToken))
        {
            // Entries are few per slot; one scope read each keeps the rule in one place.
            var patient = await patients.FindAsync(entry.PatientId, cancellationToken);
            if (patient is not null && PatientAccess.CanSee(actor, patient.AssignedUserId))
            {
                visible.Add(entry);
                await audit.WriteAsync(actor, "waitlist.read", entry.PatientId, AuditOutcomes.Success, $"waitlist {entry.Id} slot {slotId}", cancellationToken);
            }
        }

        return visible;
    }

    /// <summary>Removes the entry; false when it is not on this slot's waitlist or its patient is out of scope.</summary>
    public async Task<bool> RemoveAsync(Actor actor, Guid slotId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var entry = await waitlist.FindAsync(entryId, cancellationToken);
        if (entry is null || entry.SlotId != slotId)
        {
            await audit.WriteAsync(actor, "waitlist.remove", null, AuditOutcomes.NotFound, $"waitlist {entryId} slot {slotId}", cancellationToken);
            return false;
        }

        if (!await scope.AllowAsync(actor, entry.PatientId, "waitlist.remove", $"waitlist {entryId}", cancellationToken))
        {
            return false;
        }

        var removed = await waitlist.RemoveAsync(entryId, cancellationToken);
        await audit.WriteAsync(
            actor, "waitlist.remove", entry.PatientId, removed ? AuditOutcomes.Success : AuditOutcomes.NotFound, $"waitlist {entryId}", cancellationToken);
        return removed;
    }
}
