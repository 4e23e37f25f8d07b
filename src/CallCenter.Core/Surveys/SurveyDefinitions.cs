using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Queues;
using CallCenter.Core.Scheduling;

namespace CallCenter.Core.Surveys;

/// <summary>
/// Admins' survey definitions: create, edit (a new version; invitations already sent keep theirs), read, retire.
/// Changes are audited (no patient data).
/// </summary>
public sealed class SurveyDefinitions(
    ISurveyDefinitionRepository repository, IQueueRepository queues, IDepartmentRepository departments, IAuditLog audit, TimeProvider time)
{
    public Task<IReadOnlyList<SurveyDefinition>> ListAsync(CancellationToken cancellationToken = default) => repository.ListCurrentAsync(cancellationToken);

    /// <summary>The newest version, or the given one.</summary>
    public Task<SurveyDefinition?> GetAsync(string key, int? version, CancellationToken cancellationToken = default) =>
        version is { } v ? repository.FindVersionAsync(key, v, cancellationToken) : repository.LatestAsync(key, cancellationToken);

    public async Task<SurveySaveResult> CreateAsync(Actor actor, SurveyDefinitionInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = await ValidateAsync(input, checkKey: true, cancellationToken);
        if (errors.Count > 0)
        {
            return new SurveySaveResult(SurveySaveOutcome.Invalid, Errors: errors);
        }

        if (await repository.LatestAsync(input!.Key!, cancellationToken) is not null)
        {
            return new SurveySaveResult(SurveySaveOutcome.Conflict);
        }

        return await SaveAsync(actor, input.Key!, 1, input, "survey.create", cancellationToken);
    }

    /// <summary>An edit: a new version of an active survey.</summary>
    public async Task<SurveySaveResult> UpdateAsync(Actor actor, string key, SurveyDefinitionInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = await ValidateAsync(input, checkKey: false, cancellationToken);
        if (errors.Count > 0)
        {
            return new SurveySaveResult(SurveySaveOutcome.Invalid, Errors: errors);
        }

        if (await repository.LatestAsync(key, cancellationToken) is not { RetiredAt: null } latest)
        {
            return new SurveySaveResult(SurveySaveOutcome.NotFound);
        }

        return await SaveAsync(actor, key, latest.Version + 1, input!, "survey.update", cancellationToken);
    }

    public async Task<bool> RetireAsync(Actor actor, string key, CancellationToken cancellationToken = default)
    {
        var retired = await repository.RetireAsync(key, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (retired)
        {
            await audit.WriteAsync(actor, "survey.retire", null, AuditOutcomes.Success, $"survey {key}", cancellationToken);
        }

        return retired;
    }

    private async Task<SurveySaveResult> SaveAsync(Actor actor, string key, int version, SurveyDefinitionInput input, string operation, CancellationToken cancellationToken)
    {
        var (nameZh, nameEn, questions, triggers) = SurveyDefinitionValidator.Parts(input);
        var definition = new SurveyDefinition
        {
            Id = Ids.New(time),
            Key = key,
            Version = version,
            NameZh = nameZh,
            NameEn = nameEn,
            Questions = questions,
            Triggers = triggers,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = actor.UserId == Guid.Empty ? null : actor.UserId,
        };
        if (!await repository.TryAddAsync(definition, cancellationToken))
        {
            return new SurveySaveResult(SurveySaveOutcome.Conflict);
        }

        await audit.WriteAsync(actor, operation, null, AuditOutcomes.Success, $"survey {key} version {version}", cancellationToken);
        return new SurveySaveResult(SurveySaveOutcome.Saved, definition);
    }

    private async Task<IReadOnlyList<Patients.FieldError>> ValidateAsync(SurveyDefinitionInput? input, bool checkKey, CancellationToken cancellationToken)
    {
        var queueNames = new HashSet<string>(await queues.QueueNamesAsync(cancellationToken), StringComparer.Ordinal);
        var known = new HashSet<Guid>();
        foreach (var id in (input?.Triggers ?? []).Select(t => t?.DepartmentId).OfType<Guid>().Distinct())
        {
            if (await departments.FindAsync(id, cancellationToken) is not null)
            {
                known.Add(id);
            }
        }

        return SurveyDefinitionValidator.Validate(input, queueNames, known, checkKey);
    }
}
