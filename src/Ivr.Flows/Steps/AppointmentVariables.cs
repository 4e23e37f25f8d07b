using System.Globalization;
using Ivr.Flows.Execution;
using Ivr.Flows.Languages;
using Ivr.Flows.Services;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>
/// Writes an appointment into the call's variables: <c>appointment.time</c> as spoken in the call's language,
/// <c>appointment.date</c> as yyyy-MM-dd in the flow's time zone (for conditions).
/// </summary>
internal static class AppointmentVariables
{
    public static void Apply(StepContext context, AppointmentSummary appointment)
    {
        var local = TimeZoneInfo.ConvertTime(appointment.StartsAt, context.TimeZone);
        context.Set(FlowVariables.AppointmentId, FlowValue.From(appointment.AppointmentId.ToString()));
        context.Set(FlowVariables.AppointmentStatus, FlowValue.From(appointment.Status));
        context.Set(FlowVariables.AppointmentTime, FlowValue.From(SpokenTime.Format(appointment.StartsAt, context.TimeZone, context.Session.Language)));
        context.Set(FlowVariables.AppointmentDate, FlowValue.From(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        context.Set(FlowVariables.AppointmentDepartment, FlowValue.From(appointment.DepartmentNameIn(context.Session.Language)));
        context.Set(FlowVariables.AppointmentDoctor, FlowValue.From(appointment.DoctorName));
    }
}
