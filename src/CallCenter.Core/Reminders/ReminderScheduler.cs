using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Scheduling;
using Dapper;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Keeps an appointment's reminders in step with it, in the transaction of each change: booked schedules the
/// department's plan; moved withdraws and schedules again for the new time; confirmed withdraws the confirmation
/// request not yet sent; cancelled, completed, no-show and checked-in withdraw everything still to go and close the
/// replies it awaited. A cancelled visit therefore never has a reminder left to send.
/// </summary>
internal sealed class ReminderScheduler(IEnumerable<IReminderOutbox> queues, TimeProvider time) : IAppointmentChangeListener
{
    private readonly IReminderOutbox[] _queues = queues.ToArray();

    public async Task OnChangedAsync(AppointmentChange change, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var context = new Context(change, connection, transaction, time.GetUtcNow().UtcDateTime, cancellationToken);
        switch (change.Kind)
        {
            case AppointmentChangeKind.Booked:
                await ScheduleAsync(context, askConfirmation: true);
                break;
            case AppointmentChangeKind.Moved:
                await WithdrawAsync(context, onlyConfirmation: false);
                await ScheduleAsync(context, askConfirmation: change.Status != AppointmentStatus.Confirmed);
                break;
            case AppointmentChangeKind.Confirmed:
                await WithdrawAsync(context, onlyConfirmation: true);
                break;
            case AppointmentChangeKind.NoShow:
                await WithdrawAsync(context, onlyConfirmation: false);
                await OfferRebookingAsync(context);
                break;
            default:
                await WithdrawAsync(context, onlyConfirmation: false);
                break;
        }
    }

    private const string InsertSql = """
        INSERT INTO appointment_reminder (id, appointment_id, patient_id, step_index, purpose, channel, due_at, status, created_at, updated_at)
        VALUES (@Id, @AppointmentId, @PatientId, @StepIndex, @Purpose, @Channel, @DueAt, 'scheduled', @Now, @Now)
        """;

    private async Task ScheduleAsync(Context context, bool askConfirmation)
    {
        var change = context.Change;
        var plan = await ReminderPlanRepository.FindAsync(context.Connection, context.Transaction, change.DepartmentId, context.Token) ?? ReminderPlan.Default;
        string? phone = null;
        Dictionary<string, string>? variables = null;
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            var dueAt = change.StartsAt.AddMinutes(-step.OffsetMinutes);
            if (step.Purpose == ReminderPurposes.Confirmation && !askConfirmation)
            {
                continue;
            }

            // A plain reminder whose moment has passed is not sent late. A confirmation request whose moment has passed
            // (booked for tomorrow, the request is 72 hours ahead) is due at once, as long as the visit has not started.
            if (dueAt <= context.Now)
            {
                if (step.Purpose != ReminderPurposes.Confirmation || change.StartsAt <= context.Now)
                {
                    continue;
                }

                dueAt = context.Now;
            }

            var id = Ids.New(time);
            await context.Connection.ExecuteAsync(new CommandDefinition(
                InsertSql,
                new { Id = id, change.AppointmentId, change.PatientId, StepIndex = index, step.Purpose, step.Channel, DueAt = dueAt, context.Now },
                context.Transaction,
                cancellationToken: context.Token));

            variables ??= await ReminderRows.VisitVariablesAsync(context.Connection, context.Transaction, change.DoctorId, change.StartsAt, context.Token);
            var message = new OutboundMessage
            {
                PatientId = change.PatientId,
                Purpose = step.Purpose,
                Channel = step.Channel,
                DueAt = dueAt,
                SendBefore = change.StartsAt,
                Correlation = Correlation(id),
                Variables = new Dictionary<string, string>(variables, StringComparer.Ordinal) { ["appointmentId"] = change.AppointmentId.ToString() },
            };
            foreach (var queue in _queues)
            {
                await queue.EnqueueAsync(message, context.Connection, context.Transaction, context.Token);
            }

            if (step.Purpose == ReminderPurposes.Confirmation && step.Channel == ReminderChannels.Sms
                && (phone ??= await ReminderRows.MobilePhoneAsync(context.Connection, context.Transaction, change.PatientId, context.Token)) is { } mobile)
            {
                // Open from the moment the request is due until the visit: "1" then confirms this appointment.
                await ReminderRows.AddPendingReplyAsync(
                    context.Connection, context.Transaction, Ids.New(time), mobile, ReplyPurposes.Appointment, change.PatientId, change.AppointmentId, dueAt, change.StartsAt, context.Token);
            }
        }
    }

    private const string ScheduledSql = """
        SELECT id FROM appointment_reminder WHERE appointment_id = @AppointmentId AND status = 'scheduled'
        """;

    private const string ScheduledConfirmationSql = """
        SELECT id FROM appointment_reminder WHERE appointment_id = @AppointmentId AND status = 'scheduled' AND purpose = 'appointment-confirmation'
        """;

    private const string WithdrawAllSql = """
        UPDATE appointment_reminder SET status = 'withdrawn', updated_at = @Now WHERE appointment_id = @AppointmentId AND status = 'scheduled'
        """;

    private const string WithdrawConfirmationSql = """
        UPDATE appointment_reminder SET status = 'withdrawn', updated_at = @Now
        WHERE appointment_id = @AppointmentId AND status = 'scheduled' AND purpose = 'appointment-confirmation'
        """;

    private const string CloseRepliesSql = """
        UPDATE sms_pending_reply SET closed_at = @Now, outcome = 'withdrawn' WHERE appointment_id = @AppointmentId AND closed_at IS NULL
        """;

    // After a confirmation, a request already sent stays answerable ("2" still cancels); one not yet due is withdrawn.
    private const string CloseUnsentRepliesSql = """
        UPDATE sms_pending_reply SET closed_at = @Now, outcome = 'withdrawn'
        WHERE appointment_id = @AppointmentId AND closed_at IS NULL AND sent_at > @Now
        """;

    private async Task WithdrawAsync(Context context, bool onlyConfirmation)
    {
        var keys = new { context.Change.AppointmentId, context.Now };
        var (selectSql, withdrawSql, closeSql) = onlyConfirmation
            ? (ScheduledConfirmationSql, WithdrawConfirmationSql, CloseUnsentRepliesSql)
            : (ScheduledSql, WithdrawAllSql, CloseRepliesSql);
        var ids = _queues.Length == 0
            ? []
            : (await context.Connection.QueryAsync<Guid>(new CommandDefinition(selectSql, keys, context.Transaction, cancellationToken: context.Token))).AsList();
        await context.Connection.ExecuteAsync(new CommandDefinition(withdrawSql, keys, context.Transaction, cancellationToken: context.Token));
        await context.Connection.ExecuteAsync(new CommandDefinition(closeSql, keys, context.Transaction, cancellationToken: context.Token));
        foreach (var id in ids)
        {
            foreach (var queue in _queues)
            {
                await queue.WithdrawAsync(Correlation(id), context.Connection, context.Transaction, context.Token);
            }
        }
    }

    private async Task OfferRebookingAsync(Context context)
    {
        if (_queues.Length == 0)
        {
            return;
        }

        var change = context.Change;
        var variables = await ReminderRows.VisitVariablesAsync(context.Connection, context.Transaction, change.DoctorId, change.StartsAt, context.Token);
        variables["appointmentId"] = change.AppointmentId.ToString();
        var message = new OutboundMessage
        {
            PatientId = change.PatientId,
            Purpose = ReminderPurposes.NoShowRebooking,
            Channel = ReminderChannels.Sms,
            DueAt = context.Now,
            Correlation = $"no-show/{change.AppointmentId}",
            Variables = variables,
        };
        foreach (var queue in _queues)
        {
            await queue.EnqueueAsync(message, context.Connection, context.Transaction, context.Token);
        }
    }

    /// <summary>The outbox correlation of one scheduled reminder.</summary>
    public static string Correlation(Guid reminderId) => $"reminder/{reminderId}";

    private sealed record Context(AppointmentChange Change, DbConnection Connection, DbTransaction Transaction, DateTime Now, CancellationToken Token);
}
