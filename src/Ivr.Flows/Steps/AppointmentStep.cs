using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>
/// Acts on the patient's appointments (the patient in <c>patient.id</c>). Runs only for a caller verified as that
/// patient by a <c>verify</c> step: the engine refuses it otherwise, and the validator refuses a flow that reaches it
/// without one.
/// <c>next</c> finds the next appointment and sets <c>appointment.id/status/time/date/department/doctor</c>
/// (<c>time</c> spoken in the call's language), then goes to <c>found</c> or <c>none</c>. <c>confirm</c> and
/// <c>cancel</c> act on <c>appointment.id</c> and go to <c>done</c> or <c>failed</c> (the reason is traced).
/// <code>{"type": "appointment", "action": "next", "found": "read-out", "none": "no-appointment"}</code>
/// <code>{"type": "appointment", "action": "confirm", "done": "thanks", "failed": "agent"}</code>
/// </summary>
[FlowStepType("appointment")]
public sealed class AppointmentStep : FlowStep
{
    public AppointmentAction Action { get; init; } = AppointmentAction.Next;

    public string? Found { get; init; }

    public string? None { get; init; }

    public string? Done { get; init; }

    public string? Failed { get; init; }

    protected override bool DisclosesPatientData => true;

    public override IEnumerable<StepTransition> Transitions() =>
        [new("found", Found), new("none", None), new("done", Done), new("failed", Failed)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(Action))
        {
            context.Error("action", "must be next, confirm or cancel.");
            return;
        }

        var isNext = Action == AppointmentAction.Next;
        var action = Action.ToString().ToLowerInvariant();
        foreach (var (field, target, used) in new[] { ("found", Found, isNext), ("none", None, isNext), ("done", Done, !isNext), ("failed", Failed, !isNext) })
        {
            if (used)
            {
                context.Required(field, target);
            }
            else if (target is not null)
            {
                context.Error(field, $"is not used by action '{action}' (next uses found and none; confirm and cancel use done and failed).");
            }
        }
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var patientId = PatientVariables.PatientId(context);
        if (Action == AppointmentAction.Next)
        {
            var next = patientId is { } id ? await context.Services.Appointments.NextAsync(id, cancellationToken) : null;
            if (next is null)
            {
                context.Trace("appointment", patientId is null ? "none: no patient" : "none");
                return StepOutcome.Next(None, "none");
            }

            AppointmentVariables.Apply(context, next);
            context.Trace("appointment", "found");
            return StepOutcome.Next(Found, "found");
        }

        if (patientId is null || !Guid.TryParse(context.Get(FlowVariables.AppointmentId).AsText(), out var appointmentId))
        {
            context.Trace("appointment", patientId is null ? "failed: no patient" : "failed: no appointment");
            return StepOutcome.Next(Failed, "failed");
        }

        var result = Action == AppointmentAction.Confirm
            ? await context.Services.Appointments.ConfirmAsync(patientId.Value, appointmentId, cancellationToken)
            : await context.Services.Appointments.CancelAsync(patientId.Value, appointmentId, cancellationToken);
        if (!result.Succeeded)
        {
            context.Trace("appointment", $"failed: {result.Reason ?? "refused"}");
            return StepOutcome.Next(Failed, "failed");
        }

        if (result.Appointment is { } changed)
        {
            AppointmentVariables.Apply(context, changed);
        }
        else
        {
            context.Set(FlowVariables.AppointmentStatus, FlowValue.From(Action == AppointmentAction.Confirm ? "confirmed" : "cancelled"));
        }

        context.Trace("appointment", Action == AppointmentAction.Confirm ? "confirmed" : "cancelled");
        return StepOutcome.Next(Done, "done");
    }
}
