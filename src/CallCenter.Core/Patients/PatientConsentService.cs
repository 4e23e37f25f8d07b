using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

/// <summary>Recording and reading a patient's consent per channel, within the actor's scope.</summary>
public sealed class PatientConsentService(IPatientConsentRepository consents, PatientScopeGuard guard, IAuditLog audit, TimeProvider time)
{
    public const int MaxNoteLength = 500;

    // Clients' clocks run a little ahead; a consent "from the future" beyond this is a mistake.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<PatientResult<PatientConsent>> AddAsync(Actor actor, Guid patientId, ConsentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!await guard.AllowAsync(actor, patientId, PatientAuditOperations.ConsentAdd, cancellationToken))
        {
            return PatientResult.NotFound<PatientConsent>();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        var channel = input.Channel?.Trim().ToLowerInvariant();
        if (channel is null || !ConsentChannels.All.Contains(channel))
        {
            errors.Add(new FieldError("channel", $"must be one of {string.Join(", ", ConsentChannels.All)}"));
        }

        var method = input.Method?.Trim().ToLowerInvariant();
        if (method is null || !ConsentMethods.All.Contains(method))
        {
            errors.Add(new FieldError("method", $"must be one of {string.Join(", ", ConsentMethods.All)}"));
        }

        var purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim().ToLowerInvariant();
        if (purpose is not null && !ConsentPurposes.All.Contains(purpose))
        {
            errors.Add(new FieldError("purpose", $"must be one of {string.Join(", ", ConsentPurposes.All)}, or absent for the whole channel"));
        }

        if (input.Granted is null)
        {
            errors.Add(new FieldError("granted", "is required: true when consent is given, false when withdrawn"));
        }

        var changedAt = input.ChangedAt switch
        {
            null => now,
            { Kind: DateTimeKind.Unspecified } given => DateTime.SpecifyKind(given, DateTimeKind.Utc),
            { } given => given.ToUniversalTime(),
        };
        if (changedAt > now + ClockSkew)
        {
            errors.Add(new FieldError("changedAt", "must not be in the future"));
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(new FieldError("note", $"must be at most {MaxNoteLength} characters"));
        }

        if (errors.Count > 0)
        {
            return PatientResult.Invalid<PatientConsent>(errors);
        }

        var consent = new PatientConsent
        {
            Id = Ids.New(time),
            PatientId = patientId,
            Channel = channel!,
            Granted = input.Granted!.Value,
            ChangedAt = changedAt,
            Method = method!,
            RecordedByUserId = actor.UserId == Guid.Empty ? null : actor.UserId,
            Note = note,
            Purpose = purpose,
        };
        await consents.AddAsync(consent, cancellationToken);
        await audit.WriteAsync(actor, PatientAuditOperations.ConsentAdd, patientId, AuditOutcomes.Success,
            $"{consent.Channel}{(consent.Purpose is null ? string.Empty : " " + consent.Purpose)} {(consent.Granted ? "granted" : "withdrawn")} by {consent.Method}", cancellationToken);
        return PatientResult.Ok<PatientConsent>(consent);
    }

    public async Task<PatientResult<ConsentOverview>> ListAsync(Actor actor, Guid patientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await guard.AllowAsync(actor, patientId, PatientAuditOperations.ConsentRead, cancellationToken))
        {
            return PatientResult.NotFound<ConsentOverview>();
        }

        var history = await consents.HistoryAsync(patientId, cancellationToken);
        var current = PatientConsent.CurrentOf(history);
        await audit.WriteAsync(actor, PatientAuditOperations.ConsentRead, patientId, AuditOutcomes.Success, null, cancellationToken);
        return PatientResult.Ok<ConsentOverview>(new ConsentOverview(current, history));
    }
}
