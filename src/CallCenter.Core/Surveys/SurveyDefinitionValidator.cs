using System.Text.RegularExpressions;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Surveys;

/// <summary>
/// Checks a survey as the flow loader checks a flow: each bad field is named by its JSON path
/// (<c>questions[2].type</c>, <c>triggers[0].queue</c>) with the reason, all of them at once.
/// </summary>
public static partial class SurveyDefinitionValidator
{
    public const int MaxQuestions = 10;
    public const int MaxTriggers = 10;
    public const int MaxNameLength = 200;

    /// <summary>A question with its range hint must fit one SMS with the hospital's name.</summary>
    public const int MaxQuestionLength = 300;

    public const int MaxDelayHours = 24 * 90;

    /// <summary>The checks; <c>queues</c> and <c>departments</c> are the ones that exist; <c>checkKey</c> is false for an edit, where the key comes from the URL.</summary>
    public static IReadOnlyList<FieldError> Validate(
        SurveyDefinitionInput? input, IReadOnlySet<string> queues, IReadOnlySet<Guid> departments, bool checkKey = true)
    {
        var errors = new List<FieldError>();
        if (input is null)
        {
            errors.Add(new FieldError("body", "is required"));
            return errors;
        }

        if (checkKey && (input.Key is null || !KeyPattern().IsMatch(input.Key)))
        {
            errors.Add(new FieldError("key", "is required: 1 to 64 lower-case letters, digits and dashes, starting with a letter"));
        }

        CheckText(errors, "name", input.Name, MaxNameLength);
        CheckQuestions(errors, input.Questions);
        CheckTriggers(errors, input.Triggers, queues, departments);
        return errors;
    }

    /// <summary>The parts of a valid input (call after <see cref="Validate"/> found nothing).</summary>
    public static (string NameZh, string NameEn, IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<SurveyTrigger> Triggers) Parts(SurveyDefinitionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var questions = input.Questions!.Select(q => new SurveyQuestion(q!.Type!, q.Text!.Zh!.Trim(), q.Text.En!.Trim())).ToList();
        var triggers = (input.Triggers ?? []).Select(t => new SurveyTrigger(
            t!.Kind!, string.IsNullOrWhiteSpace(t.Queue) ? null : t.Queue.Trim(), t.DepartmentId, t.DelayHours ?? 0,
            t.Kind == SurveyTriggerKinds.DeskCall ? t.Channel ?? SurveyChannels.Sms : null)).ToList();
        return (input.Name!.Zh!.Trim(), input.Name.En!.Trim(), questions, triggers);
    }

    private static void CheckQuestions(List<FieldError> errors, IReadOnlyList<SurveyQuestionInput?>? questions)
    {
        if (questions is null || questions.Count == 0 || questions.Count > MaxQuestions)
        {
            errors.Add(new FieldError("questions", $"is required: 1 to {MaxQuestions} questions"));
            return;
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var prefix = $"questions[{i}]";
            if (questions[i] is not { } question)
            {
                errors.Add(new FieldError(prefix, "is required"));
                continue;
            }

            if (question.Type is null || !SurveyQuestionTypes.All.Contains(question.Type))
            {
                errors.Add(new FieldError($"{prefix}.type", "must be one of " + string.Join(", ", SurveyQuestionTypes.All)));
            }

            CheckText(errors, $"{prefix}.text", question.Text, MaxQuestionLength);
        }
    }

    private static void CheckTriggers(List<FieldError> errors, IReadOnlyList<SurveyTriggerInput?>? triggers, IReadOnlySet<string> queues, IReadOnlySet<Guid> departments)
    {
        if (triggers is null)
        {
            return;
        }

        if (triggers.Count > MaxTriggers)
        {
            errors.Add(new FieldError("triggers", $"must have at most {MaxTriggers} triggers"));
            return;
        }

        for (var i = 0; i < triggers.Count; i++)
        {
            var prefix = $"triggers[{i}]";
            if (triggers[i] is not { } trigger)
            {
                errors.Add(new FieldError(prefix, "is required"));
                continue;
            }

            switch (trigger.Kind)
            {
                case SurveyTriggerKinds.DeskCall:
                    if (trigger.Queue is null || !queues.Contains(trigger.Queue))
                    {
                        errors.Add(new FieldError($"{prefix}.queue", "is required: the name of an existing queue whose calls are surveyed"));
                    }

                    break;
                case SurveyTriggerKinds.VisitCompleted:
                    if (trigger.DepartmentId is { } department && !departments.Contains(department))
                    {
                        errors.Add(new FieldError($"{prefix}.departmentId", "is not a department (leave it out for every department)"));
                    }

                    break;
                case SurveyTriggerKinds.FollowUpCall:
                    break;
                default:
                    errors.Add(new FieldError($"{prefix}.kind", "must be one of " + string.Join(", ", SurveyTriggerKinds.All)));
                    break;
            }

            if (trigger.Kind != SurveyTriggerKinds.DeskCall && trigger.Queue is not null)
            {
                errors.Add(new FieldError($"{prefix}.queue", "is only for desk-call triggers"));
            }

            if (trigger.Channel is { } channel && (trigger.Kind != SurveyTriggerKinds.DeskCall || !SurveyChannels.All.Contains(channel)))
            {
                errors.Add(new FieldError(
                    $"{prefix}.channel",
                    trigger.Kind == SurveyTriggerKinds.DeskCall ? "must be one of " + string.Join(", ", SurveyChannels.All) : "is only for desk-call triggers"));
            }

            if (trigger.DelayHours is { } delay && (delay < 0 || delay > MaxDelayHours))
            {
                errors.Add(new FieldError($"{prefix}.delayHours", $"must be 0 to {MaxDelayHours} hours"));
            }
        }
    }

    private static void CheckText(List<FieldError> errors, string field, SurveyTextInput? text, int max)
    {
        if (text is null)
        {
            errors.Add(new FieldError(field, "is required: {\"zh-CN\": ..., \"en-US\": ...}"));
            return;
        }

        if (string.IsNullOrWhiteSpace(text.Zh) || text.Zh.Trim().Length > max)
        {
            errors.Add(new FieldError($"{field}.zh-CN", $"is required, at most {max} characters"));
        }

        if (string.IsNullOrWhiteSpace(text.En) || text.En.Trim().Length > max)
        {
            errors.Add(new FieldError($"{field}.en-US", $"is required, at most {max} characters"));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
