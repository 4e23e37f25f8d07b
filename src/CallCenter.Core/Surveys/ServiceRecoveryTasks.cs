using CallCenter.Core.Common;
using CallCenter.Core.FollowUps;

namespace CallCenter.Core.Surveys;

/// <summary>
/// Service recovery: a low score opens a follow-up of kind <c>service-recovery</c> for supervisors, at once, with the
/// contact's context (survey, question, score, call, queue, department). One task per invitation, however many of its
/// answers are low. Its call_sid is <c>survey:{invitation}</c> so the follow-up's unique key holds it once.
/// </summary>
internal sealed class ServiceRecoveryTasks(IFollowUpRepository followUps, TimeProvider time) : ILowSurveyScoreListener
{
    public const string Category = "survey-low-score";

    public async Task OnLowScoreAsync(LowSurveyScore score, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(score);
        var note = $"{score.SurveyKey} v{score.SurveyVersion} question {score.QuestionIndex + 1} ({score.QuestionType}) scored {score.Score}"
            + $" after {score.TriggerKind}" + (score.CallSid is null ? string.Empty : $" call {score.CallSid}");
        await followUps.AddAsync(
            new FollowUp
            {
                Id = Ids.New(time),
                Kind = FollowUpKinds.ServiceRecovery,
                CallSid = "survey:" + score.InvitationId,
                PatientId = score.PatientId,
                CallerNumber = score.Phone,
                RecordingUrl = string.Empty,
                Category = Category,
                Language = score.Language,
                Status = FollowUpStatuses.Open,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                SurveyInvitationId = score.InvitationId,
                Note = note,
                QueueName = score.QueueName,
                DepartmentId = score.DepartmentId,
            },
            ct);
    }
}
