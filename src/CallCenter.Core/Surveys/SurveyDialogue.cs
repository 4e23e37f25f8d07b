using CallCenter.Core.Common;
using CallCenter.Core.Data;

namespace CallCenter.Core.Surveys;

/// <summary>
/// A patient's texts to an open survey, question by question: a readable answer is stored (tied to the invitation's
/// call, agent, queue, department and doctor) and the next question is the reply; an unreadable one is asked again
/// once with the allowed range, and a second unreadable one is stored as text and the survey moves on. A reply after
/// the survey closed is told so, once. Low scores go to every <see cref="ILowSurveyScoreListener"/> after they are stored.
/// </summary>
public sealed class SurveyDialogue(
    ISurveyInvitationRepository invitations,
    ISurveyDefinitionRepository definitions,
    IEnumerable<ISurveyOutbox> outboxes,
    LowScoreAlarm alarm,
    IDbConnectionFactory db,
    TimeProvider time)
{
    /// <summary>Null when the pending reply belongs to no invitation (a survey SMS from before definitions).</summary>
    public async Task<SurveyReplyResult?> AnswerAsync(Guid pendingReplyId, string messageSid, string? text, CancellationToken cancellationToken = default)
    {
        if (await invitations.FindByPendingReplyAsync(pendingReplyId, cancellationToken) is not { } invitation)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.Status != SurveyInvitationStatuses.Open || now >= invitation.ExpiresAt)
        {
            return await invitations.CloseLapsedAsync(pendingReplyId, now, cancellationToken)
                ? new SurveyReplyResult("survey-closed", SurveyQuestionText.Closed(invitation.Language))
                : new SurveyReplyResult("survey-closed", null, Unmatched: true);
        }

        foreach (var outbox in outboxes)
        {
            if (!await outbox.WasSentAsync(invitation.Id, cancellationToken))
            {
                // The patient never got the question: this text is about something else.
                return new SurveyReplyResult("survey-not-sent", null, Unmatched: true);
            }
        }

        SurveyDefinition definition;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            definition = await definitions.FindAsync(invitation.DefinitionId, connection, null, cancellationToken)
                ?? throw new InvalidOperationException("An invitation's survey version is missing.");
        }

        var questions = definition.Questions;
        var index = invitation.QuestionIndex;
        if (index >= questions.Count)
        {
            return new SurveyReplyResult("survey-complete", null, Unmatched: true);
        }

        var question = questions[index];
        var readable = SurveyAnswerReader.TryRead(question.Type, text, out var score);
        if (!readable && !invitation.Reasked && await invitations.MarkReaskedAsync(invitation.Id, index, cancellationToken))
        {
            return new SurveyReplyResult("survey-reask", SurveyQuestionText.Reask(question, invitation.Language));
        }

        var answerText = (text ?? string.Empty).Trim();
        var last = index == questions.Count - 1;
        var answer = new SurveyAnswerRecord
        {
            Id = Ids.New(time),
            PendingReplyId = pendingReplyId,
            InvitationId = invitation.Id,
            PatientId = invitation.PatientId,
            Phone = invitation.Phone,
            MessageSid = messageSid,
            AnswerText = answerText.Length > SurveyAnswerReader.MaxTextLength ? answerText[..SurveyAnswerReader.MaxTextLength] : answerText,
            Score = score,
            QuestionIndex = index,
            QuestionType = question.Type,
            ReceivedAt = now,
        };
        if (!await invitations.AnswerAsync(answer, last, cancellationToken))
        {
            return new SurveyReplyResult("survey-repeat", null, Unmatched: true);
        }

        if (SurveyQuestionTypes.IsLow(question.Type, score))
        {
            await alarm.RaiseAsync(invitation, definition, answer, score!.Value, cancellationToken);
        }

        var outcome = readable ? "survey-answer" : "survey-skipped";
        return last
            ? new SurveyReplyResult(readable ? "survey-complete" : outcome, null)
            : new SurveyReplyResult(outcome, SurveyQuestionText.Render(questions[index + 1], invitation.Language));
    }
}
