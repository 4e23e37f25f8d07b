using System.Data.Common;
using System.Globalization;
using CallCenter.Core.Reminders;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Outbox;
using Notifications.Rules;
using Notifications.Templates;
using ReminderMessage = CallCenter.Core.Reminders.OutboundMessage;

namespace Notifications.Reminders;

/// <summary>
/// Reminders' way out: each message becomes a notification outbox row in the transaction of the appointment change
/// that causes it, and is withdrawn by its correlation in the same way. The patient's name, language, zone, mobile
/// and email are read in that transaction; the template's holes are filled from the visit (time in the patient's
/// zone and language, department, doctor) and <c>Reminders:HospitalName</c>/<c>HospitalPhone</c>.
/// <para>
/// A step on <c>voice</c> is a reminder call to the mobile (the outbox's voice channel); so is an SMS visit reminder
/// for a patient whose <c>preferred_contact_channel</c> is voice. A message the patient cannot get (no mobile, no email, no template for its channel) is skipped with a
/// warning, never failing the booking; the appointment's own reminder row stays as the record.
/// </para>
/// </summary>
internal sealed partial class NotificationReminderOutbox(
    INotificationOutbox outbox,
    ITemplateRepository templates,
    IOptions<ReminderOptions> reminders,
    IOptions<RulesOptions> rules,
    ILogger<NotificationReminderOutbox> logger) : IReminderOutbox
{
    private const string PatientSql = """
        SELECT p.full_name, p.preferred_language, p.preferred_contact_channel, p.time_zone, p.email,
            (SELECT MIN(ph.e164) FROM patient_phone ph WHERE ph.patient_id = p.id AND ph.kind = 'mobile' AND ph.is_primary = @True) AS primary_mobile,
            (SELECT MIN(ph.e164) FROM patient_phone ph WHERE ph.patient_id = p.id AND ph.kind = 'mobile') AS any_mobile
        FROM patient p WHERE p.id = @PatientId
        """;

    public async Task EnqueueAsync(ReminderMessage message, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (message.SendBefore is { } sendBefore && sendBefore <= message.DueAt)
        {
            LogSkipped(logger, message.Purpose, message.Channel, "its moment has passed");
            return;
        }

        var patient = await connection.QuerySingleOrDefaultAsync<PatientContact>(new CommandDefinition(
            PatientSql, new { message.PatientId, True = true }, transaction, cancellationToken: cancellationToken));
        if (patient is null)
        {
            LogSkipped(logger, message.Purpose, message.Channel, "no such patient");
            return;
        }

        var purpose = PurposeOf(message.Purpose);
        var language = LanguageOf(patient.PreferredLanguage);
        var channel = ChannelFor(message, patient.PreferredContactChannel);

        var recipient = channel == NotificationChannels.Email ? patient.Email : patient.PrimaryMobile ?? patient.AnyMobile;
        if (string.IsNullOrWhiteSpace(recipient))
        {
            LogSkipped(logger, message.Purpose, channel, channel == NotificationChannels.Email ? "the patient has no email address" : "the patient has no mobile number");
            return;
        }

        if (await templates.FindAsync(connection, transaction, purpose, channel, language, cancellationToken) is null)
        {
            LogSkipped(logger, message.Purpose, channel, "no template for its purpose, channel and language");
            return;
        }

        await outbox.EnqueueAsync(
            transaction,
            new Outbox.OutboundMessage
            {
                Channel = channel,
                Purpose = purpose,
                Recipient = recipient,
                PatientId = message.PatientId,
                Language = language,
                Variables = Variables(message, patient, language),
                DueAt = message.DueAt,
                ExpiresAt = message.SendBefore,
                Urgent = message.Urgent,
                Correlation = message.Correlation,
            },
            cancellationToken);
    }

    public Task WithdrawAsync(string correlation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        outbox.WithdrawAsync(transaction, correlation, cancellationToken);

    /// <summary>
    /// The plan step's channel, except that a patient who prefers calls gets the visit reminders (confirmation request,
    /// reminder) of an SMS step as a call. Waitlist offers and no-show messages stay SMS: they are answered by text.
    /// </summary>
    public static string ChannelFor(ReminderMessage message, string? preferredContactChannel)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel == ReminderChannels.Sms
            && preferredContactChannel == ReminderChannels.Voice
            && message.Purpose is ReminderPurposes.Confirmation or ReminderPurposes.Reminder
                ? NotificationChannels.Voice
                : message.Channel;
    }

    /// <summary>The outbox purpose (consent and templates go by it) of a reminder purpose.</summary>
    public static string PurposeOf(string reminderPurpose) => reminderPurpose switch
    {
        ReminderPurposes.NoShowRebooking => NotificationPurposes.NoShow,
        _ => reminderPurpose,
    };

    /// <summary>The template language for a patient's preferred language: en-US for any English, else zh-CN.</summary>
    public static string LanguageOf(string? preferred) =>
        preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";

    private Dictionary<string, string> Variables(ReminderMessage message, PatientContact patient, string language)
    {
        var visit = message.Variables;
        var english = language == "en-US";
        var options = reminders.Value;
        var values = new Dictionary<string, string>(visit, StringComparer.Ordinal)
        {
            ["patientName"] = patient.FullName,
            ["hospitalName"] = english ? options.HospitalNameEn : options.HospitalName,
            ["hospitalPhone"] = options.HospitalPhone,
            ["doctorName"] = visit.GetValueOrDefault("doctorName") ?? string.Empty,
            ["department"] = (english ? visit.GetValueOrDefault("departmentNameEn") : visit.GetValueOrDefault("departmentName")) ?? string.Empty,
        };
        if (visit.TryGetValue("startsAt", out var startsAt)
            && DateTime.TryParse(startsAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(patient.TimeZone ?? string.Empty, out var own)
                ? own
                : TimeZoneInfo.FindSystemTimeZoneById(rules.Value.DefaultTimeZone);
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
            values["appointmentTime"] = english
                ? local.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture)
                : local.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        }
        else
        {
            values["appointmentTime"] = string.Empty;
        }

        return values;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Purpose} by {Channel} not enqueued: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string purpose, string channel, string reason);

    private sealed record PatientContact
    {
        public string FullName { get; init; } = string.Empty;
        public string? PreferredLanguage { get; init; }
        public string? PreferredContactChannel { get; init; }
        public string? TimeZone { get; init; }
        public string? Email { get; init; }
        public string? PrimaryMobile { get; init; }
        public string? AnyMobile { get; init; }
    }
}
