using CallCenter.Core.Patients;

namespace CallCenter.Core.FollowUps;

/// <summary>Checks a follow-up plan and names each bad field by its JSON path (<c>steps[1].surveyKey</c>).</summary>
public static class FollowUpPlanValidator
{
    /// <summary>The checks; <c>queues</c> are the queues and <c>surveys</c> the active surveys' keys that exist.</summary>
    public static IReadOnlyList<FieldError> Validate(FollowUpPlanInput? input, IReadOnlySet<string> queues, IReadOnlySet<string> surveys)
    {
        var errors = new List<FieldError>();
        if (input is null)
        {
            errors.Add(new FieldError("body", "is required"));
            return errors;
        }

        if (input.Queue is null || !queues.Contains(input.Queue))
        {
            errors.Add(new FieldError("queue", "is required: the queue that works the plan's calls for patients without a consultant"));
        }

        if (input.Steps is null || input.Steps.Count > FollowUpPlan.MaxSteps)
        {
            errors.Add(new FieldError("steps", $"is required: at most {FollowUpPlan.MaxSteps} steps (an empty list plans nothing)"));
            return errors;
        }

        var days = new HashSet<(int, string)>();
        for (var i = 0; i < input.Steps.Count; i++)
        {
            var prefix = $"steps[{i}]";
            if (input.Steps[i] is not { } step)
            {
                errors.Add(new FieldError(prefix, "is required"));
                continue;
            }

            if (step.Day is not { } day || day < 1 || day > FollowUpPlan.MaxDay)
            {
                errors.Add(new FieldError($"{prefix}.day", $"is required: days after the visit, 1 to {FollowUpPlan.MaxDay}"));
            }
            else if (step.Action is not null && !days.Add((day, step.Action)))
            {
                errors.Add(new FieldError($"{prefix}.day", "repeats another step's day and action"));
            }

            if (step.Action is null || !FollowUpPlanActions.All.Contains(step.Action))
            {
                errors.Add(new FieldError($"{prefix}.action", "must be one of " + string.Join(", ", FollowUpPlanActions.All)));
            }

            if (step.SurveyKey is null ? step.Action == FollowUpPlanActions.SmsSurvey : !surveys.Contains(step.SurveyKey))
            {
                errors.Add(new FieldError($"{prefix}.surveyKey", step.SurveyKey is null
                    ? "is required for an sms-survey step: the key of an active survey"
                    : "is not an active survey"));
            }
        }

        return errors;
    }

    public static FollowUpPlan ToPlan(Guid departmentId, FollowUpPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new FollowUpPlan(departmentId, input.Queue!, [.. input.Steps!.Select(s => new FollowUpPlanStep(s!.Day!.Value, s.Action!, s.SurveyKey)).OrderBy(s => s.Day)]);
    }
}
