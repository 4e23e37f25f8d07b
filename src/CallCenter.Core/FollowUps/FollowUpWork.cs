using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Core.Surveys;

namespace CallCenter.Core.FollowUps;

/// <summary>
/// Agents' call list of follow-ups (planned calls, voicemails, and for supervisors service-recovery tasks), the
/// attempts they record on them with the questionnaire's answers, and the per-department report. Reads and changes
/// are audited; agents see the follow-ups assigned to them or to no one, of patients in their scope.
/// </summary>
public sealed class FollowUpWork(
    IFollowUpWorkRepository work,
    IPatientScopeReader scopes,
    ISurveyDefinitionRepository surveys,
    ISurveyInvitationRepository invitations,
    LowScoreAlarm alarm,
    SurveySender sender,
    IAuditLog audit,
    TimeProvider time)
{
    public const int MaxNoteLength = 1000;
    public static readonly TimeSpan MaxRetryAhead = TimeSpan.FromDays(90);

    public async Task<Page<FollowUp>> ListAsync(Actor actor, FollowUpQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var page = await work.ListAsync(query, actor.IsSupervisorOrAdmin ? null : actor.UserId, cancellationToken);
        await audit.WriteAsync(actor, "follow-up.list", null, AuditOutcomes.Success, $"{page.Items.Count} follow-ups, page {query.Page.Page}", cancellationToken);
        return page;
    }

    public async Task<(FollowUp FollowUp, IReadOnlyList<FollowUpAttempt> Attempts)?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        if (await VisibleAsync(actor, id, cancellationToken) is not { } followUp)
        {
            return null;
        }

        await audit.WriteAsync(actor, "follow-up.read", followUp.PatientId, AuditOutcomes.Success, $"follow-up {id}", cancellationToken);
        return (followUp, await work.AttemptsAsync(id, cancellationToken));
    }

    /// <summary>The follow-up when it is on the actor's list (as <see cref="GetAsync"/> decides), unread and unaudited: the caller audits what it does with it.</summary>
    public Task<FollowUp?> FindForAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) => VisibleAsync(actor, id, cancellationToken);

    public async Task<FollowUpOutcomeResult> RecordOutcomeAsync(Actor actor, Guid id, FollowUpOutcomeInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await VisibleAsync(actor, id, cancellationToken) is not { } followUp)
        {
            return new FollowUpOutcomeResult(FollowUpOutcomeStatus.NotFound);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var definition = followUp.SurveyKey is { } key ? await surveys.LatestAsync(key, cancellationToken) : null;
        var errors = Validate(input, definition, now, out var scores);
        if (errors.Count > 0)
        {
            return new FollowUpOutcomeResult(FollowUpOutcomeStatus.Invalid, Errors: errors);
        }

        if (followUp.Status != FollowUpStatuses.Open)
        {
            return new FollowUpOutcomeResult(FollowUpOutcomeStatus.Conflict, followUp);
        }

        var outcome = input!.Outcome!;
        var status = FollowUpOutcomes.StatusAfter(outcome);
        var next = input.NextAttemptAt?.UtcDateTime;
        var attempt = new FollowUpAttempt(Ids.New(time), id, actor.UserId, outcome, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), next, now);
        if (!await work.RecordAsync(attempt, status, status == FollowUpStatuses.Open ? next : null, followUp.Attempts ?? 0, cancellationToken))
        {
            return new FollowUpOutcomeResult(FollowUpOutcomeStatus.Conflict, await work.FindAsync(id, cancellationToken));
        }

        await audit.WriteAsync(actor, "follow-up.outcome", followUp.PatientId, AuditOutcomes.Success, $"follow-up {id} outcome {outcome}", cancellationToken);
        if (FollowUpOutcomes.IsReached(outcome) && followUp.PatientId is { } patientId)
        {
            if (definition is not null && input.Answers is { Count: > 0 } answers)
            {
                await StoreAnswersAsync(actor, followUp, patientId, definition, answers, scores, now, cancellationToken);
            }

            await sender.StartAsync(
                new SurveyRequest
                {
                    TriggerKind = SurveyTriggerKinds.FollowUpCall,
                    SourceKey = "follow-up:" + id,
                    PatientId = patientId,
                    AgentId = actor.UserId,
                    QueueName = followUp.QueueName,
                    DepartmentId = followUp.DepartmentId,
                    AppointmentId = followUp.AppointmentId,
                    FollowUpId = id,
                    At = now,
                },
                cancellationToken);
        }

        return new FollowUpOutcomeResult(FollowUpOutcomeStatus.Recorded, await work.FindAsync(id, cancellationToken));
    }

    public async Task<IReadOnlyList<FollowUpDepartmentReport>> ReportAsync(Actor actor, Guid? departmentId, DateTime? from, DateTime? to, CancellationToken cancellationToken = default)
    {
        var report = await work.ReportAsync(departmentId, from, to, time.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.WriteAsync(actor, "follow-up.report", null, AuditOutcomes.Success, $"{report.Count} departments", cancellationToken);
        return report;
    }

    private async Task<FollowUp?> VisibleAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await work.FindAsync(id, cancellationToken) is not { } followUp)
        {
            return null;
        }

        if (actor.IsSupervisorOrAdmin)
        {
            return followUp;
        }

        var mine = followUp.Kind != FollowUpKinds.ServiceRecovery && (followUp.AssignedUserId is null || followUp.AssignedUserId == actor.UserId);
        return mine && (followUp.PatientId is not { } patientId || await scopes.CanSeeAsync(actor, patientId, cancellationToken)) ? followUp : null;
    }

    private static List<FieldError> Validate(FollowUpOutcomeInput? input, SurveyDefinition? definition, DateTime now, out List<int?> scores)
    {
        scores = [];
        var errors = new List<FieldError>();
        if (input?.Outcome is not { } outcome || !FollowUpOutcomes.All.Contains(outcome))
        {
            errors.Add(new FieldError("outcome", "must be one of " + string.Join(", ", FollowUpOutcomes.All)));
            return errors;
        }

        if (input.Note is { Length: > MaxNoteLength })
        {
            errors.Add(new FieldError("note", $"must be at most {MaxNoteLength} characters"));
        }

        if (outcome == FollowUpOutcomes.NoAnswer)
        {
            if (input.NextAttemptAt is not { } next || next.UtcDateTime <= now || next.UtcDateTime > now + MaxRetryAhead)
            {
                errors.Add(new FieldError("nextAttemptAt", $"is required when the patient was not reached: a time from now to {MaxRetryAhead.TotalDays} days ahead"));
            }
        }
        else if (input.NextAttemptAt is not null)
        {
            errors.Add(new FieldError("nextAttemptAt", "is only for a no-answer outcome"));
        }

        if (input.Answers is not { Count: > 0 } answers)
        {
            return errors;
        }

        if (!FollowUpOutcomes.IsReached(outcome) || definition is null)
        {
            errors.Add(new FieldError("answers", definition is null ? "this follow-up has no questionnaire" : "only when the patient was reached"));
            return errors;
        }

        if (answers.Count != definition.Questions.Count)
        {
            errors.Add(new FieldError("answers", $"must answer each of the questionnaire's {definition.Questions.Count} questions, in order"));
            return errors;
        }

        for (var i = 0; i < answers.Count; i++)
        {
            var question = definition.Questions[i];
            if (!SurveyAnswerReader.TryRead(question.Type, answers[i], out var score))
            {
                errors.Add(new FieldError($"answers[{i}]", $"is not a {question.Type} answer {SurveyQuestionText.Hint(question.Type, "en-US")}".TrimEnd()));
            }

            scores.Add(score);
        }

        return errors;
    }

    private async Task StoreAnswersAsync(
        Actor actor, FollowUp followUp, Guid patientId, SurveyDefinition definition, IReadOnlyList<string?> answers, List<int?> scores, DateTime now, CancellationToken cancellationToken)
    {
        var invitation = new SurveyInvitation
        {
            Id = Ids.New(time),
            DefinitionId = definition.Id,
            SourceKey = $"follow-up-answers:{followUp.Id}",
            TriggerKind = SurveyTriggerKinds.AgentCall,
            PatientId = patientId,
            Phone = followUp.CallerNumber,
            Language = followUp.Language,
            AgentId = actor.UserId,
            QueueName = followUp.QueueName,
            DepartmentId = followUp.DepartmentId,
            AppointmentId = followUp.AppointmentId,
            FollowUpId = followUp.Id,
            PendingReplyId = Ids.New(time),
            Status = SurveyInvitationStatuses.Completed,
            QuestionIndex = answers.Count,
            DueAt = now,
            ExpiresAt = now.AddSeconds(1),
            CompletedAt = now,
            CreatedAt = now,
        };
        var records = answers.Select((text, i) => new SurveyAnswerRecord
        {
            Id = Ids.New(time),
            PendingReplyId = invitation.PendingReplyId,
            InvitationId = invitation.Id,
            PatientId = patientId,
            Phone = followUp.CallerNumber,
            MessageSid = $"FU{followUp.Id:N}-{i}",
            AnswerText = (text ?? string.Empty).Trim(),
            Score = scores[i],
            QuestionIndex = i,
            QuestionType = definition.Questions[i].Type,
            ReceivedAt = now,
        }).ToList();
        await invitations.RecordAgentAnswersAsync(invitation, records, cancellationToken);
        foreach (var record in records.Where(r => SurveyQuestionTypes.IsLow(r.QuestionType, r.Score)))
        {
            await alarm.RaiseAsync(invitation, definition, record, record.Score!.Value, cancellationToken);
        }
    }
}
