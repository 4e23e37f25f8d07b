using CallCenter.Core.Patients;

namespace CallCenter.Core.Reminders;

/// <summary>Checks a reminder plan and names each bad field by its JSON path (<c>steps[1].channel</c>).</summary>
public static class ReminderPlanValidator
{
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<ReminderStepInput?>? steps, out ReminderPlan? plan)
    {
        plan = null;
        var errors = new List<FieldError>();
        if (steps is null)
        {
            errors.Add(new FieldError("steps", "is required: a list of steps (an empty list sends no reminders)"));
            return errors;
        }

        if (steps.Count > ReminderPlan.MaxSteps)
        {
            errors.Add(new FieldError("steps", $"must have at most {ReminderPlan.MaxSteps} steps"));
            return errors;
        }

        var valid = new List<ReminderStep>();
        var offsets = new Dictionary<int, int>();
        var confirmations = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var prefix = $"steps[{i}]";
            if (steps[i] is not { } step)
            {
                errors.Add(new FieldError(prefix, "is required"));
                continue;
            }

            var count = errors.Count;
            if (step.OffsetMinutes is not { } offset || offset < ReminderPlan.MinOffsetMinutes || offset > ReminderPlan.MaxOffsetMinutes)
            {
                errors.Add(new FieldError($"{prefix}.offsetMinutes", $"is required: minutes before the visit, {ReminderPlan.MinOffsetMinutes} to {ReminderPlan.MaxOffsetMinutes}"));
            }
            else if (offsets.TryGetValue(offset, out var other))
            {
                errors.Add(new FieldError($"{prefix}.offsetMinutes", $"is the same as steps[{other}]: one message per moment"));
            }
            else
            {
                offsets[offset] = i;
            }

            if (step.Purpose is not { } purpose || !ReminderPurposes.PlanSteps.Contains(purpose))
            {
                errors.Add(new FieldError($"{prefix}.purpose", $"is required: one of {string.Join(", ", ReminderPurposes.PlanSteps)}"));
            }
            else if (purpose == ReminderPurposes.Confirmation && ++confirmations > 1)
            {
                errors.Add(new FieldError($"{prefix}.purpose", "only one step may ask for confirmation"));
            }

            if (step.Channel is not { } channel || !ReminderChannels.All.Contains(channel))
            {
                errors.Add(new FieldError($"{prefix}.channel", $"is required: one of {string.Join(", ", ReminderChannels.All)}"));
            }
            else if (step.Purpose == ReminderPurposes.Confirmation && channel == ReminderChannels.Email)
            {
                errors.Add(new FieldError($"{prefix}.channel", "a confirmation request needs a channel the patient can answer: sms or voice"));
            }

            if (errors.Count == count)
            {
                valid.Add(new ReminderStep(step.OffsetMinutes!.Value, step.Purpose!, step.Channel!));
            }
        }

        if (errors.Count == 0)
        {
            plan = new ReminderPlan(valid.OrderByDescending(s => s.OffsetMinutes).ToList());
        }

        return errors;
    }
}
