using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Core.Queues;

namespace CallCenter.Core.Callbacks;

/// <summary>Scheduling callbacks through the API, the supervisors' list and reassignment, the agent's own list. Audited.</summary>
public sealed class CallbackService(
    ICallbackRepository callbacks,
    IQueueRepository queues,
    IUserRepository users,
    IPatientScopeReader patients,
    PhoneNumberNormalizer phones,
    DialPolicy dialling,
    IAuditLog audit,
    TimeProvider time)
{
    public const int MaxReasonLength = 500;

    /// <summary>The reason <see cref="ReassignAsync"/> gives for an unknown callback (the API answers 404).</summary>
    public const string NoSuchCallback = "no such callback";

    /// <summary>How far ahead a callback may be scheduled.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(90);

    public async Task<(Callback? Callback, FieldError? Error)> ScheduleAsync(Actor actor, CallbackInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (input is null)
        {
            return (null, new FieldError("body", "is required"));
        }

        var now = time.GetUtcNow();
        var due = input.DueAt ?? now;
        if (due < now.AddMinutes(-1) || due > now + MaxAhead)
        {
            return (null, new FieldError("dueAt", $"must be from now to {MaxAhead.TotalDays} days ahead"));
        }

        if (string.IsNullOrWhiteSpace(input.Queue) || !(await queues.QueueNamesAsync(cancellationToken)).Contains(input.Queue, StringComparer.Ordinal))
        {
            return (null, new FieldError("queue", "must name an existing queue"));
        }

        if (input.Reason is { Length: > MaxReasonLength })
        {
            return (null, new FieldError("reason", $"must be at most {MaxReasonLength} characters"));
        }

        if (input.Language is { } language && language is not ("zh-CN" or "en-US"))
        {
            return (null, new FieldError("language", "must be zh-CN or en-US"));
        }

        if (input.PatientId is { } patientId && !await patients.CanSeeAsync(actor, patientId, cancellationToken))
        {
            return (null, new FieldError("patientId", "no such patient"));
        }

        if (!phones.TryNormalize(input.Number, out var e164, out var reason))
        {
            return (null, new FieldError("number", reason));
        }

        if (!dialling.Allows(e164, out var notDialled))
        {
            await audit.WriteAsync(actor, "callbacks.schedule", input.PatientId, AuditOutcomes.Denied, $"callback to {e164}: {notDialled}", cancellationToken);
            return (null, new FieldError("number", notDialled));
        }

        var agentId = input.AgentId ?? (actor.IsSupervisorOrAdmin ? null : actor.UserId);
        if (input.AgentId is { } named && (!actor.IsSupervisorOrAdmin && named != actor.UserId || !await IsAgentAsync(named, cancellationToken)))
        {
            return (null, new FieldError("agentId", "must be an enabled user (agents may only name themselves)"));
        }

        var id = Ids.New(time);
        var callback = new Callback
        {
            Id = id,
            CallSid = "callback:" + id.ToString("D"),
            QueueName = input.Queue,
            Number = e164,
            PatientId = input.PatientId,
            Language = input.Language ?? "zh-CN",
            PlaceEnqueuedAt = due.UtcDateTime,
            PlaceAt = due.UtcDateTime,
            Status = CallbackStatuses.Scheduled,
            CreatedAt = now.UtcDateTime,
            Source = CallbackSources.Api,
            DueAt = due.UtcDateTime,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            AgentId = agentId,
        };
        await callbacks.AddAsync(callback, cancellationToken);
        await audit.WriteAsync(actor, "callbacks.schedule", callback.PatientId, AuditOutcomes.Success, $"callback {id} queue {callback.QueueName} to {e164}", cancellationToken);
        return (callback, null);
    }

    public async Task<Page<Callback>> ListAsync(Actor actor, CallbackQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var result = await callbacks.ListAsync(query, page, cancellationToken);
        await audit.WriteAsync(actor, "callbacks.list", null, AuditOutcomes.Success, $"{result.Items.Count} callbacks page {page.Page}", cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<Callback>> ForAgentAsync(Actor agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var mine = await callbacks.ForAgentAsync(agent.UserId, cancellationToken);
        await audit.WriteAsync(agent, "callbacks.mine", null, AuditOutcomes.Success, $"{mine.Count} callbacks", cancellationToken);
        return mine;
    }

    /// <summary>Null when reassigned; otherwise the field and reason (a missing callback answers "id").</summary>
    public async Task<FieldError?> ReassignAsync(Actor supervisor, Guid id, Guid? agentId, CancellationToken cancellationToken = default)
    {
        if (agentId is not { } target || !await IsAgentAsync(target, cancellationToken))
        {
            return new FieldError("agentId", "must be an enabled user");
        }

        if (await callbacks.FindAsync(id, cancellationToken) is not { } callback)
        {
            return new FieldError("id", NoSuchCallback);
        }

        if (!await callbacks.ReassignAsync(id, target, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return new FieldError("id", $"is {callback.Status}: only an open callback is reassigned");
        }

        await audit.WriteAsync(supervisor, "callbacks.reassign", callback.PatientId, AuditOutcomes.Success, $"callback {id} from {callback.AgentId} to {target}", cancellationToken);
        return null;
    }

    private async Task<bool> IsAgentAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(userId, cancellationToken) is { IsDisabled: false };
}
