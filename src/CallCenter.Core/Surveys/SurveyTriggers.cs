using System.Data.Common;
using CallCenter.Core.Desk;
using CallCenter.Core.Scheduling;

namespace CallCenter.Core.Surveys;

/// <summary>
/// What sends surveys: a desk call wrapped up (a call or callback with a known patient, by its queue) and a visit
/// completed (in the completing transaction, due after the trigger's delay).
/// </summary>
internal sealed class SurveyTriggers(SurveySender sender) : IWrapUpListener, IAppointmentChangeListener
{
    public async Task WrappedUpAsync(CallWrappedUp wrappedUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrappedUp);
        if (wrappedUp.PatientId is not { } patientId || wrappedUp.WorkKind == "conversation")
        {
            return;
        }

        await sender.StartAsync(
            new SurveyRequest
            {
                TriggerKind = SurveyTriggerKinds.DeskCall,
                SourceKey = "desk-call:" + wrappedUp.CallSid,
                PatientId = patientId,
                CallSid = wrappedUp.CallSid,
                AgentId = wrappedUp.AgentId,
                QueueName = wrappedUp.QueueName,
                At = wrappedUp.At,
            },
            cancellationToken);
    }

    public async Task OnChangedAsync(AppointmentChange change, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind != AppointmentChangeKind.Completed)
        {
            return;
        }

        await sender.StartAsync(
            new SurveyRequest
            {
                TriggerKind = SurveyTriggerKinds.VisitCompleted,
                SourceKey = "visit:" + change.AppointmentId,
                PatientId = change.PatientId,
                DepartmentId = change.DepartmentId,
                DoctorId = change.DoctorId,
                AppointmentId = change.AppointmentId,
                At = change.At,
            },
            connection,
            transaction,
            cancellationToken);
    }
}
