using System.Globalization;
using CallCenter.Core.Accounts;
using CallCenter.Core.Scheduling;
using Ivr.Flows.Execution;
using Ivr.Flows.Languages;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Values;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Starts a flow on a call the hub placed (a reminder call), where an incoming call would start the flow bound to the
/// dialled number. The flow is named, not found by number, and starts knowing the patient and the appointment
/// (<c>patient.id</c>, <c>appointment.id/status/time/date/department/doctor</c>, the time spoken in the call's
/// language), so its <c>appointment</c> steps confirm or cancel through the same path as the hotline and SMS replies.
/// A repeated webhook for a call already in its flow gets the answer it got the first time.
/// </summary>
public sealed partial class OutboundFlowCalls(
    FlowRegistry registry,
    FlowRunner runner,
    AppointmentService appointments,
    IDoctorRepository doctors,
    IDepartmentRepository departments,
    ILogger<OutboundFlowCalls> logger)
{
    /// <summary>The TwiML to answer with; null when the flow is not active (the caller then hears an apology).</summary>
    public async Task<string?> AnswerAsync(OutboundFlowCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (await runner.FindAsync(call.CallSid, cancellationToken) is { } existing)
        {
            return FlowRunner.LastResponse(existing) ?? FlowApology.Voice();
        }

        if (registry.Current.FindById(call.FlowId) is not { Flow.Kind: FlowKind.Voice } flow)
        {
            LogNoFlow(logger, call.FlowId, call.CallSid);
            return null;
        }

        var language = flow.Flow.Languages.Contains(call.Language, StringComparer.Ordinal) ? call.Language : flow.Flow.EffectiveDefaultLanguage;
        var variables = new Dictionary<string, FlowValue>(StringComparer.Ordinal)
        {
            [FlowVariables.CallSid] = FlowValue.From(call.CallSid),
            [FlowVariables.From] = FlowValue.From(call.From),
            [FlowVariables.To] = FlowValue.From(call.To),
            [FlowVariables.CallerKnown] = FlowValue.True,
            [FlowVariables.PatientId] = FlowValue.From(call.PatientId.ToString()),
            [FlowVariables.LanguageChosen] = FlowValue.True,
        };
        if (call.AppointmentId is { } appointmentId
            && await appointments.GetAsync(Actor.Ivr, appointmentId, cancellationToken) is { } appointment
            && appointment.PatientId == call.PatientId)
        {
            var doctor = await doctors.FindAsync(appointment.DoctorId, cancellationToken);
            var department = doctor is null ? null : await departments.FindAsync(doctor.DepartmentId, cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(flow.Flow.TimeZone);
            var startsAt = new DateTimeOffset(DateTime.SpecifyKind(appointment.StartsAt, DateTimeKind.Utc));
            variables[FlowVariables.AppointmentId] = FlowValue.From(appointment.Id.ToString());
            variables[FlowVariables.AppointmentStatus] = FlowValue.From(appointment.Status.ToCode());
            variables[FlowVariables.AppointmentTime] = FlowValue.From(SpokenTime.Format(startsAt, zone, language));
            variables[FlowVariables.AppointmentDate] = FlowValue.From(TimeZoneInfo.ConvertTime(startsAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var summary = new AppointmentSummary(appointment.Id, startsAt, appointment.Status.ToCode(), department?.Code ?? string.Empty, department?.Name ?? string.Empty, doctor?.Name, department?.NameEn);
            variables[FlowVariables.AppointmentDepartment] = FlowValue.From(summary.DepartmentNameIn(language));
            variables[FlowVariables.AppointmentDoctor] = FlowValue.From(doctor?.Name ?? string.Empty);
        }

        return await runner.StartAsync(flow, new FlowStart(call.CallSid, variables, language, VerifiedPatientId: call.PatientId), replacing: null, cancellationToken)
            ?? FlowApology.Voice();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound call {CallSid}: voice flow {FlowId} is not active; answering with an apology")]
    private static partial void LogNoFlow(ILogger logger, string flowId, string callSid);
}
