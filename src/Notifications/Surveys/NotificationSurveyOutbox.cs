using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Reminders;
using CallCenter.Core.Surveys;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Outbox;
using Notifications.Templates;

namespace Notifications.Surveys;

/// <summary>
/// Surveys' way out: the first question becomes an outbox row (purpose <c>survey</c>, the survey SMS template with
/// <c>hospitalName</c> and <c>surveyQuestion</c>) in the transaction that opens the invitation, due when the survey is
/// and dropped if not sent before it expires. Consent for surveys, quiet hours and caps apply when it is sent.
/// </summary>
internal sealed partial class NotificationSurveyOutbox(
    INotificationOutbox outbox,
    ITemplateRepository templates,
    IDbConnectionFactory db,
    IOptions<ReminderOptions> reminders,
    ILogger<NotificationSurveyOutbox> logger) : ISurveyOutbox
{
    public async Task EnqueueAsync(SurveySms message, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(connection);
        if (await templates.FindAsync(connection, transaction, NotificationPurposes.Survey, NotificationChannels.Sms, message.Language, cancellationToken) is null)
        {
            LogNoTemplate(logger, message.Language);
            return;
        }

        var options = reminders.Value;
        await outbox.EnqueueAsync(
            transaction,
            new Outbox.OutboundMessage
            {
                Channel = NotificationChannels.Sms,
                Purpose = NotificationPurposes.Survey,
                Recipient = message.Phone,
                PatientId = message.PatientId,
                Language = message.Language,
                Variables = new Dictionary<string, string>
                {
                    ["hospitalName"] = message.Language == "en-US" ? options.HospitalNameEn : options.HospitalName,
                    ["surveyQuestion"] = message.Question,
                },
                DueAt = message.DueAt,
                ExpiresAt = message.ExpiresAt,
                Correlation = message.Correlation,
            },
            cancellationToken);
    }

    private const string StatusSql = "SELECT status FROM notification WHERE correlation = @Correlation";

    private static readonly HashSet<string> Left =
        [NotificationStatuses.Sending, NotificationStatuses.Queued, NotificationStatuses.Sent, NotificationStatuses.Delivered];

    public async Task<bool> WasSentAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var statuses = await connection.QueryAsync<string>(new CommandDefinition(
            StatusSql, new { Correlation = "survey:" + invitationId }, cancellationToken: cancellationToken));
        return statuses.Any(Left.Contains);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey not enqueued: no SMS survey template in {Language}")]
    private static partial void LogNoTemplate(ILogger logger, string language);
}
