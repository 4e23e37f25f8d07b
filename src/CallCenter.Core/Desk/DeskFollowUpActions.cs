using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Routing;
using CallCenter.Core.Surveys;

namespace CallCenter.Core.Desk;

/// <summary>
/// The desk's side of the follow-up call list: the list and one task (through <see cref="FollowUpWork"/>, which
/// decides what is the agent's and audits), its patient's screen-pop (audited as every screen-pop), the call to the
/// patient placed agent first (<see cref="FollowUpDialer"/>), and the attempt recorded.
/// </summary>
public sealed class DeskFollowUpActions(
    FollowUpWork work,
    ScreenPopBuilder screenPops,
    ISurveyDefinitionRepository surveys,
    IAgentEndpoints endpoints,
    FollowUpDialer dialer,
    PhoneNumberNormalizer phones,
    DeskAudit audit,
    TimeProvider time)
{
    /// <summary>The call list shows this many tasks, the earliest due first.</summary>
    public const int ListSize = 50;

    public async Task<IReadOnlyList<DeskFollowUpTask>> ListAsync(Actor agent, CancellationToken cancellationToken)
    {
        var page = await work.ListAsync(agent, new FollowUpQuery { Status = FollowUpStatuses.Open, Page = new PageRequest(1, ListSize) }, cancellationToken);
        return [.. page.Items.Where(f => f.Kind != FollowUpKinds.ServiceRecovery || agent.IsSupervisorOrAdmin).Select(ToDesk)];
    }

    public async Task<DeskFollowUpDetail?> OpenAsync(Actor agent, Guid followUpId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (await work.GetAsync(agent, followUpId, cancellationToken) is not { } found)
        {
            await audit.WriteAsync(agent, "follow-up-open", null, DeskResult.Fail(DeskErrors.NotFound, "not on the list"), $"follow-up {followUpId}", cancellationToken);
            return null;
        }

        var followUp = found.FollowUp;
        var now = time.GetUtcNow().UtcDateTime;
        // The screen-pop is built as for an offer of this follow-up's patient (the builder checks the patient scope and audits the read).
        var pop = await screenPops.BuildAsync(
            new Offer
            {
                Id = followUp.Id,
                Kind = WorkKind.Callback,
                QueueName = followUp.QueueName ?? "follow-up",
                AgentId = agent.UserId,
                CallSid = followUp.CallSid.StartsWith("CA", StringComparison.Ordinal) ? followUp.CallSid : null,
                PatientId = followUp.PatientId,
                CallerNumber = followUp.CallerNumber,
                Language = followUp.Language,
                WaitingSince = followUp.DueAt ?? followUp.CreatedAt,
                Status = OfferStatus.Accepted,
                OfferedAt = now,
                ExpiresAt = now,
            },
            agent,
            cancellationToken);
        var definition = followUp.SurveyKey is { } key ? await surveys.LatestAsync(key, cancellationToken) : null;
        return new DeskFollowUpDetail
        {
            Task = ToDesk(followUp),
            ScreenPop = pop with { WaitedSeconds = 0 },
            Questions = definition is null ? [] : [.. definition.Questions.Select(q => new DeskFollowUpQuestion(q.Type, q.TextIn(followUp.Language), SurveyQuestionText.Hint(q.Type, "en-US")))],
            Outcomes = FollowUpOutcomes.All,
        };
    }

    public async Task<DeskResult> DialAsync(Actor agent, Guid followUpId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var detail = $"follow-up {followUpId}";
        if (await work.FindForAsync(agent, followUpId, cancellationToken) is not { } followUp)
        {
            return await audit.WriteAsync(agent, "follow-up-dial", null, DeskResult.Fail(DeskErrors.NotFound, "no such follow-up on your list", "followUpId"), detail, cancellationToken);
        }

        if (followUp.Status != FollowUpStatuses.Open)
        {
            return await audit.WriteAsync(agent, "follow-up-dial", followUp.PatientId, DeskResult.Fail(DeskErrors.Conflict, $"the follow-up is {followUp.Status}", "followUpId"), detail, cancellationToken);
        }

        if (!phones.TryNormalize(followUp.CallerNumber, out var e164, out _))
        {
            return await audit.WriteAsync(agent, "follow-up-dial", followUp.PatientId, DeskResult.Fail(DeskErrors.Invalid, "the follow-up has no number to call", "followUpId"), detail, cancellationToken);
        }

        if (await endpoints.FindAsync(agent.UserId, cancellationToken) is not { } endpoint)
        {
            return await audit.WriteAsync(agent, "follow-up-dial", followUp.PatientId, DeskResult.Fail(DeskErrors.NotFound, "you have no phone to ring", "agentId"), detail, cancellationToken);
        }

        var result = await dialer.PlaceAsync(followUp.Id, endpoint, e164, cancellationToken) is { } callSid
            ? DeskResult.Success(callSid)
            : DeskResult.Fail(DeskErrors.Unavailable, "the carrier did not place the call; try again");
        return await audit.WriteAsync(agent, "follow-up-dial", followUp.PatientId, result, result.Ok ? $"{detail} call {result.CreatedId}" : detail, cancellationToken);
    }

    public async Task<DeskResult> RecordOutcomeAsync(Actor agent, FollowUpOutcomeRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        var input = new FollowUpOutcomeInput { Outcome = request.Outcome, Note = request.Note, Answers = request.Answers, NextAttemptAt = request.NextAttemptAt };
        var result = await work.RecordOutcomeAsync(agent, request.FollowUpId, input, cancellationToken);
        return result.Status switch
        {
            FollowUpOutcomeStatus.Recorded => DeskResult.Success(request.FollowUpId.ToString()),
            FollowUpOutcomeStatus.Invalid => DeskResult.Fail(DeskErrors.Invalid, result.Errors![0].Reason, result.Errors[0].Field),
            FollowUpOutcomeStatus.NotFound => DeskResult.Fail(DeskErrors.NotFound, "no such follow-up on your list", "followUpId"),
            _ => DeskResult.Fail(DeskErrors.Conflict, "the follow-up is no longer open, or another attempt was recorded first", "followUpId"),
        };
    }

    private static DeskFollowUpTask ToDesk(FollowUp followUp) => new()
    {
        Id = followUp.Id,
        Kind = followUp.Kind,
        PatientId = followUp.PatientId,
        Number = CallerNumbers.Mask(followUp.CallerNumber),
        Queue = followUp.QueueName,
        DueAt = DeskTimes.Utc(followUp.DueAt ?? followUp.CreatedAt),
        Attempts = followUp.Attempts ?? 0,
        LastOutcome = followUp.Outcome,
        Note = followUp.Note,
        SurveyKey = followUp.SurveyKey,
    };
}
