using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using CallCenter.Core.Surveys;

namespace CallCenter.Core.FollowUps;

/// <summary>
/// Applies a department's plan when one of its visits is completed, in the completing transaction: each call step is a
/// follow-up due on its day, assigned to the patient's consultant when they have one, else to the plan's queue; each
/// SMS survey step is a survey invitation due on its day (the one-survey-per-period rule holds).
/// </summary>
internal sealed class FollowUpPlanner(IFollowUpPlanRepository plans, IFollowUpWorkRepository work, SurveySender surveys, TimeProvider time) : IAppointmentChangeListener
{
    public const string Category = "follow-up-plan";

    public async Task OnChangedAsync(AppointmentChange change, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind != AppointmentChangeKind.Completed
            || await plans.FindAsync(change.DepartmentId, connection, transaction, cancellationToken) is not { Steps.Count: > 0 } plan)
        {
            return;
        }

        var patient = await work.PatientAsync(change.PatientId, connection, transaction, cancellationToken);
        var language = patient.Language is { } preferred && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            var due = change.At.AddDays(step.Day);
            var key = $"plan:{change.AppointmentId:N}:{i}";
            if (step.Action == FollowUpPlanActions.SmsSurvey)
            {
                await surveys.StartAsync(
                    new SurveyRequest
                    {
                        TriggerKind = SurveyTriggerKinds.FollowUpPlan,
                        SourceKey = key,
                        SurveyKey = step.SurveyKey,
                        PatientId = change.PatientId,
                        DepartmentId = change.DepartmentId,
                        DoctorId = change.DoctorId,
                        AppointmentId = change.AppointmentId,
                        At = due,
                    },
                    connection,
                    transaction,
                    cancellationToken);
                continue;
            }

            await work.AddPlannedAsync(
                new FollowUp
                {
                    Id = Ids.New(time),
                    Kind = FollowUpKinds.PlanCall,
                    CallSid = key,
                    PatientId = change.PatientId,
                    CallerNumber = patient.Mobile ?? string.Empty,
                    RecordingUrl = string.Empty,
                    Category = Category,
                    Language = language,
                    Status = FollowUpStatuses.Open,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                    QueueName = patient.AssignedUserId is null ? plan.QueueName : null,
                    DepartmentId = change.DepartmentId,
                    DueAt = due,
                    AssignedUserId = patient.AssignedUserId,
                    AppointmentId = change.AppointmentId,
                    PlanStep = i,
                    SurveyKey = step.SurveyKey,
                    Note = $"day {step.Day} after the visit",
                },
                connection,
                transaction,
                cancellationToken);
        }
    }
}
