using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Interactions;

/// <summary>Reading a patient's timeline and adding staff notes to it, within the actor's scope.</summary>
public sealed class TimelineService(IInteractionRepository interactions, PatientScopeGuard guard, IAuditLog audit, TimeProvider time)
{
    public async Task<PatientResult<Page<Interaction>>> TimelineAsync(Actor actor, Guid patientId, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!await guard.AllowAsync(actor, patientId, PatientAuditOperations.TimelineRead, cancellationToken))
        {
            return PatientResult.NotFound<Page<Interaction>>();
        }

        if (PatientPaging.Check(page) is { } error)
        {
            return PatientResult.Invalid<Page<Interaction>>([error]);
        }

        var result = await interactions.TimelineAsync(patientId, page, cancellationToken);
        await audit.WriteAsync(actor, PatientAuditOperations.TimelineRead, patientId, AuditOutcomes.Success, $"page {page.Page}", cancellationToken);
        return PatientResult.Ok<Page<Interaction>>(result);
    }

    public async Task<PatientResult<Interaction>> AddNoteAsync(Actor actor, Guid patientId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await guard.AllowAsync(actor, patientId, PatientAuditOperations.NoteAdd, cancellationToken))
        {
            return PatientResult.NotFound<Interaction>();
        }

        var summary = text?.Trim() ?? string.Empty;
        if (summary.Length is 0 or > InteractionRepository.MaxSummaryLength)
        {
            return PatientResult.Invalid<Interaction>("text", $"is required, at most {InteractionRepository.MaxSummaryLength} characters");
        }

        var note = new Interaction
        {
            Id = Ids.New(time),
            PatientId = patientId,
            Kind = InteractionKinds.Note,
            Direction = InteractionDirections.Internal,
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Summary = summary,
            UserId = actor.UserId == Guid.Empty ? null : actor.UserId,
        };
        await interactions.AddAsync(note, cancellationToken);
        await audit.WriteAsync(actor, PatientAuditOperations.NoteAdd, patientId, AuditOutcomes.Success, $"note {note.Id}", cancellationToken);
        return PatientResult.Ok<Interaction>(note);
    }
}
