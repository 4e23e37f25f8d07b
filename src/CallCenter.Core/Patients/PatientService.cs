using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

/// <summary>Creating, reading, replacing and assigning patients, with scope checks and an audit row for each.</summary>
public sealed class PatientService(
    IPatientRepository patients,
    IPatientConsentRepository consents,
    IUserRepository users,
    PatientValidator validator,
    PatientScopeGuard guard,
    IAuditLog audit,
    TimeProvider time)
{
    public async Task<PatientResult<PatientDetails>> CreateAsync(Actor actor, PatientInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (draft, errors) = validator.Validate(input);
        if (draft is null)
        {
            return PatientResult.Invalid<PatientDetails>(errors);
        }

        if (draft.Mrn is { } mrn && await patients.FindIdByMrnAsync(mrn, cancellationToken) is { } holder)
        {
            await audit.WriteAsync(actor, PatientAuditOperations.Create, null, AuditOutcomes.Failed, $"mrn held by patient {holder}", cancellationToken);
            return PatientResult.MrnTaken<PatientDetails>(holder);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var patient = draft with { Id = Ids.New(time), CreatedAt = now, UpdatedAt = now };
        if (await patients.CreateAsync(patient, cancellationToken) == PatientSaveResult.MrnTaken)
        {
            // Another request took the MRN between the check and the insert.
            var winner = await patients.FindIdByMrnAsync(patient.Mrn!, cancellationToken) ?? Guid.Empty;
            return PatientResult.MrnTaken<PatientDetails>(winner);
        }

        var warnings = await SharedPhoneWarningsAsync(patient, cancellationToken);
        await audit.WriteAsync(actor, PatientAuditOperations.Create, patient.Id, AuditOutcomes.Success, Describe(patient, warnings), cancellationToken);
        return PatientResult.Ok<PatientDetails>(new PatientDetails(patient, [], warnings));
    }

    public async Task<PatientResult<PatientDetails>> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        var patient = await patients.FindAsync(id, cancellationToken);
        if (!await guard.AllowAsync(actor, id, patient is not null, patient?.AssignedUserId, PatientAuditOperations.Read, cancellationToken))
        {
            return PatientResult.NotFound<PatientDetails>();
        }

        var current = await consents.CurrentAsync(id, cancellationToken);
        await audit.WriteAsync(actor, PatientAuditOperations.Read, id, AuditOutcomes.Success, null, cancellationToken);
        return PatientResult.Ok<PatientDetails>(new PatientDetails(patient!, current, []));
    }

    /// <summary>Replaces the record. The scope is checked before the input, so an unseen patient is 404 whatever is sent.</summary>
    public async Task<PatientResult<PatientDetails>> UpdateAsync(Actor actor, Guid id, PatientInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var existing = await patients.FindAsync(id, cancellationToken);
        if (!await guard.AllowAsync(actor, id, existing is not null, existing?.AssignedUserId, PatientAuditOperations.Update, cancellationToken))
        {
            return PatientResult.NotFound<PatientDetails>();
        }

        var (draft, errors) = validator.Validate(input);
        if (draft is null)
        {
            await audit.WriteAsync(actor, PatientAuditOperations.Update, id, AuditOutcomes.Failed,
                $"invalid: {string.Join(", ", errors.Select(e => e.Field))}", cancellationToken);
            return PatientResult.Invalid<PatientDetails>(errors);
        }

        if (draft.Mrn is { } mrn && await patients.FindIdByMrnAsync(mrn, cancellationToken) is { } holder && holder != id)
        {
            await audit.WriteAsync(actor, PatientAuditOperations.Update, id, AuditOutcomes.Failed, $"mrn held by patient {holder}", cancellationToken);
            return PatientResult.MrnTaken<PatientDetails>(holder);
        }

        var patient = draft with
        {
            Id = id,
            AssignedUserId = existing!.AssignedUserId,
            CreatedAt = existing.CreatedAt,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        switch (await patients.UpdateAsync(patient, cancellationToken))
        {
            case PatientSaveResult.NotFound:
                return PatientResult.NotFound<PatientDetails>();
            case PatientSaveResult.MrnTaken:
                return PatientResult.MrnTaken<PatientDetails>(await patients.FindIdByMrnAsync(patient.Mrn!, cancellationToken) ?? Guid.Empty);
        }

        var warnings = await SharedPhoneWarningsAsync(patient, cancellationToken);
        var current = await consents.CurrentAsync(id, cancellationToken);
        await audit.WriteAsync(actor, PatientAuditOperations.Update, id, AuditOutcomes.Success, Describe(patient, warnings), cancellationToken);
        return PatientResult.Ok<PatientDetails>(new PatientDetails(patient, current, warnings));
    }

    /// <summary>Assigns the patient to a consultant (null: to nobody). For supervisors; the endpoint enforces that.</summary>
    public async Task<PatientResult<Patient>> AssignAsync(Actor actor, Guid id, Guid? userId, CancellationToken cancellationToken = default)
    {
        var patient = await patients.FindAsync(id, cancellationToken);
        if (!await guard.AllowAsync(actor, id, patient is not null, patient?.AssignedUserId, PatientAuditOperations.Assign, cancellationToken))
        {
            return PatientResult.NotFound<Patient>();
        }

        if (userId is { } uid)
        {
            var user = await users.FindByIdAsync(uid, cancellationToken);
            if (user is null || user.IsDisabled)
            {
                return PatientResult.Invalid<Patient>("userId", user is null ? "is not a known user" : "is a disabled account");
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!await patients.SetAssignedUserAsync(id, userId, now, cancellationToken))
        {
            return PatientResult.NotFound<Patient>();
        }

        await audit.WriteAsync(actor, PatientAuditOperations.Assign, id, AuditOutcomes.Success,
            userId is null ? "unassigned" : $"assigned to user {userId}", cancellationToken);
        return PatientResult.Ok<Patient>(patient! with { AssignedUserId = userId, UpdatedAt = now });
    }

    /// <summary>Families share phones: another patient with the same number is a warning, not an error.</summary>
    private async Task<IReadOnlyList<DuplicateWarning>> SharedPhoneWarningsAsync(Patient patient, CancellationToken cancellationToken)
    {
        var warnings = new List<DuplicateWarning>();
        for (var i = 0; i < patient.Phones.Count; i++)
        {
            foreach (var other in await patients.FindByPhoneAsync(patient.Phones[i].E164, cancellationToken))
            {
                if (other.Id != patient.Id)
                {
                    warnings.Add(new DuplicateWarning($"phones[{i}].number", other.Id));
                }
            }
        }

        return warnings;
    }

    private static string Describe(Patient patient, IReadOnlyList<DuplicateWarning> warnings) =>
        $"phones {patient.Phones.Count}, tags {patient.Tags.Count}, shared-phone warnings {warnings.Count}";
}
