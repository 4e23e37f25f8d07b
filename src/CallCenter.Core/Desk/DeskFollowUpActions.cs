using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.FollowUps;

namespace CallCenter.Core.Desk;

/// <summary>The desk's side of the follow-up call list: an attempt recorded through <see cref="FollowUpWork"/> (which audits).</summary>
public sealed class DeskFollowUpActions(FollowUpWork work)
{
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
}
