using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Surveys;

/// <summary>
/// Opens a survey invitation when something the hub surveys happens: the first active survey with a matching trigger,
/// to the patient's mobile in their language, due after the trigger's delay, unless the patient had a survey within
/// <see cref="SurveyOptions.FrequencyDays"/>. The invitation, its pending reply and the first question's outbox row are
/// written in one transaction (the caller's, when it passes one).
/// </summary>
public sealed partial class SurveySender(
    ISurveyDefinitionRepository definitions,
    ISurveyInvitationRepository invitations,
    IEnumerable<ISurveyOutbox> outboxes,
    IDbConnectionFactory db,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<SurveySender> logger)
{
    private readonly ISurveyOutbox[] _outboxes = outboxes.ToArray();

    /// <summary>In a transaction of its own; the invitation's id, or null when no survey is sent.</summary>
    public async Task<Guid?> StartAsync(SurveyRequest request, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await StartAsync(request, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<Guid?> StartAsync(SurveyRequest request, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connection);
        if (_outboxes.Length == 0)
        {
            return null;
        }

        var current = await definitions.ListCurrentAsync(connection, transaction, cancellationToken);
        var match = request.SurveyKey is { } key
            ? current.Where(d => d.Key == key).Select(d => (Definition: d, Trigger: new SurveyTrigger(request.TriggerKind))).FirstOrDefault()
            : current.SelectMany(d => d.Triggers.Where(t => Matches(t, request)).Select(t => (Definition: d, Trigger: t))).FirstOrDefault();
        if (match.Definition is null)
        {
            return null;
        }

        if (await invitations.FindContactAsync(request.PatientId, connection, transaction, cancellationToken) is not { } contact)
        {
            LogSkipped(logger, request.TriggerKind, "the patient has no mobile number");
            return null;
        }

        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var due = request.At.AddHours(match.Trigger.DelayHours);
        if (due < now)
        {
            due = now;
        }

        var language = contact.Language is { } preferred && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";
        var invitation = new SurveyInvitation
        {
            Id = Ids.New(time),
            DefinitionId = match.Definition.Id,
            SourceKey = request.SourceKey,
            TriggerKind = request.TriggerKind,
            PatientId = request.PatientId,
            Phone = contact.Phone,
            Language = language,
            CallSid = request.CallSid,
            AgentId = request.AgentId,
            QueueName = request.QueueName,
            DepartmentId = request.DepartmentId,
            DoctorId = request.DoctorId,
            AppointmentId = request.AppointmentId,
            FollowUpId = request.FollowUpId,
            PendingReplyId = Ids.New(time),
            Status = SurveyInvitationStatuses.Open,
            DueAt = due,
            ExpiresAt = due.AddHours(settings.ExpiryHours),
            CreatedAt = now,
        };
        if (!await invitations.TryAddAsync(invitation, due.AddDays(-settings.FrequencyDays), connection, transaction, cancellationToken))
        {
            LogSkipped(logger, request.TriggerKind, "the patient had a survey in the period, or this one was already sent");
            return null;
        }

        var question = SurveyQuestionText.Render(match.Definition.Questions[0], language);
        var sms = new SurveySms(invitation.Id, invitation.PatientId, invitation.Phone, language, question, invitation.DueAt, invitation.ExpiresAt);
        foreach (var outbox in _outboxes)
        {
            await outbox.EnqueueAsync(sms, connection, transaction, cancellationToken);
        }

        return invitation.Id;
    }

    private static bool Matches(SurveyTrigger trigger, SurveyRequest request) =>
        trigger.Kind == request.TriggerKind && trigger.Kind switch
        {
            SurveyTriggerKinds.DeskCall => trigger.Queue == request.QueueName && trigger.ChannelOrDefault == request.Channel,
            SurveyTriggerKinds.VisitCompleted => trigger.DepartmentId is null || trigger.DepartmentId == request.DepartmentId,
            _ => true,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "No {TriggerKind} survey sent: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string triggerKind, string reason);
}
