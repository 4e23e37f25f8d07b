using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Surveys;

/// <summary>Tells every <see cref="ILowSurveyScoreListener"/> of a low answer, once it is stored; one failing does not stop the others.</summary>
public sealed partial class LowScoreAlarm(IEnumerable<ILowSurveyScoreListener> listeners, ILogger<LowScoreAlarm> logger)
{
    public async Task RaiseAsync(SurveyInvitation invitation, SurveyDefinition definition, SurveyAnswerRecord answer, int score, CancellationToken cancellationToken)
    {
        var low = new LowSurveyScore
        {
            InvitationId = invitation.Id,
            DefinitionId = definition.Id,
            SurveyKey = definition.Key,
            SurveyVersion = definition.Version,
            TriggerKind = invitation.TriggerKind,
            PatientId = invitation.PatientId,
            Phone = invitation.Phone,
            Language = invitation.Language,
            QuestionIndex = answer.QuestionIndex,
            QuestionType = answer.QuestionType,
            Score = score,
            CallSid = invitation.CallSid,
            AgentId = invitation.AgentId,
            QueueName = invitation.QueueName,
            DepartmentId = invitation.DepartmentId,
            DoctorId = invitation.DoctorId,
            AppointmentId = invitation.AppointmentId,
            FollowUpId = invitation.FollowUpId,
            AnsweredAt = answer.ReceivedAt,
        };
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnLowScoreAsync(low, cancellationToken);
            }
#pragma warning disable CA1031 // One listener failing must not keep the others (or the patient's reply) from running.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenerFailed(logger, ex, listener.GetType().Name, invitation.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Low survey score listener {Listener} failed for invitation {InvitationId}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, Guid invitationId);
}
