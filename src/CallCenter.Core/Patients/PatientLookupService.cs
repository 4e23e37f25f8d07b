using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

/// <summary>Finding patients: search by name, phone or MRN within the actor's scope, and duplicate checks.</summary>
public sealed class PatientLookupService(IPatientRepository patients, PhoneNumberNormalizer phoneNumbers, IAuditLog audit)
{
    /// <summary>
    /// Patients matching every given criterion that the actor may see. Each patient returned is a read of
    /// that patient's data, so each gets an audit row.
    /// </summary>
    public async Task<PatientResult<Page<PatientSummary>>> SearchAsync(
        Actor actor, string? name, string? phone, string? mrn, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<FieldError>();
        if (PatientPaging.Check(page) is { } pageError)
        {
            errors.Add(pageError);
        }

        if (name is { Length: > PatientRules.MaxNameLength })
        {
            errors.Add(new FieldError("name", $"must be at most {PatientRules.MaxNameLength} characters"));
        }

        var (e164, normalizedMrn) = Normalize(phone, mrn, errors);
        if (errors.Count > 0)
        {
            return PatientResult.Invalid<Page<PatientSummary>>(errors);
        }

        var search = new PatientSearch(string.IsNullOrWhiteSpace(name) ? null : name, e164, normalizedMrn).For(actor);
        var found = await patients.SearchAsync(search, page, cancellationToken);

        // One row for the search itself (which criteria, never their values), then one per patient shown.
        var criteria = string.Join('+', new[] { search.Name is null ? null : "name", e164 is null ? null : "phone", normalizedMrn is null ? null : "mrn" }.OfType<string>());
        await audit.WriteAsync(actor, PatientAuditOperations.Search, null, AuditOutcomes.Success,
            $"by {(criteria.Length == 0 ? "nothing" : criteria)}, page {page.Page}, {found.Items.Count} results", cancellationToken);
        foreach (var patient in found.Items)
        {
            await audit.WriteAsync(actor, PatientAuditOperations.Search, patient.Id, AuditOutcomes.Success, "listed in search results", cancellationToken);
        }

        return PatientResult.Ok<Page<PatientSummary>>(found);
    }

    /// <summary>
    /// Which patients already have this phone or MRN, before creating one. Answers IDs only, whatever the
    /// actor's scope, because a duplicate hidden from the agent is still a duplicate.
    /// </summary>
    public async Task<PatientResult<IReadOnlyList<DuplicateWarning>>> FindDuplicatesAsync(
        Actor actor, string? phone, string? mrn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(mrn))
        {
            errors.Add(new FieldError("phone", "give a phone, an mrn or both"));
        }

        var (e164, normalizedMrn) = Normalize(phone, mrn, errors);
        if (errors.Count > 0)
        {
            return PatientResult.Invalid<IReadOnlyList<DuplicateWarning>>(errors);
        }

        var matches = new List<DuplicateWarning>();
        if (normalizedMrn is not null && await patients.FindIdByMrnAsync(normalizedMrn, cancellationToken) is { } holder)
        {
            matches.Add(new DuplicateWarning("mrn", holder));
        }

        if (e164 is not null)
        {
            matches.AddRange((await patients.FindByPhoneAsync(e164, cancellationToken)).Select(p => new DuplicateWarning("phone", p.Id)));
        }

        foreach (var match in matches)
        {
            await audit.WriteAsync(actor, PatientAuditOperations.DuplicateCheck, match.PatientId, AuditOutcomes.Success, $"matched by {match.Field}", cancellationToken);
        }

        return PatientResult.Ok<IReadOnlyList<DuplicateWarning>>(matches);
    }

    private (string? E164, string? Mrn) Normalize(string? phone, string? mrn, List<FieldError> errors)
    {
        string? e164 = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            if (phoneNumbers.TryNormalize(phone, out var normalized, out var reason))
            {
                e164 = normalized;
            }
            else
            {
                errors.Add(new FieldError("phone", reason));
            }
        }

        string? normalizedMrn = null;
        if (!string.IsNullOrWhiteSpace(mrn))
        {
            if (PatientRules.TryMrn(mrn, out var checkedMrn) is { } reason)
            {
                errors.Add(new FieldError("mrn", reason));
            }
            else
            {
                normalizedMrn = checkedMrn;
            }
        }

        return (e164, normalizedMrn);
    }
}
