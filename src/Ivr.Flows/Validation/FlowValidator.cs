using Ivr.Flows.Execution;
using Ivr.Flows.Languages;
using Ivr.Flows.Model;

namespace Ivr.Flows.Validation;

/// <summary>
/// Checks a loaded flow as a whole: ids, languages, transitions, reachability, prompts in every language, loops that
/// wait for nothing, each step's own fields. A flow with any error is never activated.
/// </summary>
public static class FlowValidator
{
    public static IReadOnlyList<FlowError> Validate(string file, FlowDefinition flow, FlowCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var errors = new List<FlowError>();
        var context = new StepValidationContext(file, flow, catalog ?? FlowCatalog.Unknown, errors);
        void FlowField(string field, string reason) => errors.Add(new FlowError(file, null, field, reason));

        ValidateHeader(flow, FlowField);
        var ids = ValidateIds(file, flow, errors);
        foreach (var step in flow.Steps)
        {
            context.Step = step;
            ValidateKind(context, step);
            foreach (var transition in step.Transitions())
            {
                if (transition.Target is { } target && !ids.Contains(target))
                {
                    context.Error(transition.Field, $"unknown step '{target}'.");
                }
            }

            foreach (var prompt in step.Prompts())
            {
                ValidatePrompt(context, prompt);
            }

            step.Validate(context);
        }

        if (errors.Count == 0)
        {
            ValidateGraph(file, flow, errors);
            VerificationPaths.Validate(file, flow, errors);
        }

        return errors;
    }

    private static void ValidateHeader(FlowDefinition flow, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(flow.Id))
        {
            error("id", "is required.");
        }

        if (flow.Languages.Count == 0)
        {
            error("languages", "must name at least one language (zh-CN, en-US).");
        }

        foreach (var (language, index) in flow.Languages.Select((l, i) => (l, i)))
        {
            if (!IvrLanguage.TryParse(language, out var parsed, out var reason))
            {
                error($"languages[{index}]", reason);
            }
            else if (!string.Equals(parsed.Tag, language, StringComparison.Ordinal))
            {
                error($"languages[{index}]", $"write '{parsed.Tag}' (the hub's tag), not '{language}'.");
            }
        }

        if (flow.DefaultLanguage is { } defaultLanguage && !flow.Languages.Contains(defaultLanguage, StringComparer.Ordinal))
        {
            error("defaultLanguage", $"'{defaultLanguage}' is not one of the flow's languages.");
        }

        if (!FlowTime.TryFindZone(flow.TimeZone, out _))
        {
            error("timeZone", $"unknown time zone '{flow.TimeZone}' (use an IANA id such as Asia/Shanghai).");
        }

        if (string.IsNullOrWhiteSpace(flow.Start))
        {
            error("start", "is required.");
        }
        else if (flow.Find(flow.Start) is null)
        {
            error("start", $"unknown step '{flow.Start}'.");
        }

        if (flow.OnError is { } onError && flow.Find(onError) is null)
        {
            error("onError", $"unknown step '{onError}'.");
        }

        foreach (var (number, index) in flow.Numbers.Select((n, i) => (n, i)))
        {
            if (number != "*" && !(number.StartsWith('+') && number.Length is >= 8 and <= 16 && number[1..].All(char.IsAsciiDigit)))
            {
                error($"numbers[{index}]", $"'{number}' is not an E.164 number (+8610...) or '*'.");
            }
        }

        if (flow.Kind == FlowKind.Sms)
        {
            foreach (var (field, text) in new[] { ("helpText", flow.HelpText), ("optOutText", flow.OptOutText), ("optInText", flow.OptInText) })
            {
                if (text is null)
                {
                    error(field, "is required in an SMS flow.");
                }
            }
        }

        foreach (var (name, calendar) in flow.Calendars)
        {
            BusinessHours.Validate($"calendars.{name}", calendar, error);
        }

        foreach (var (field, text) in new[] { ("errorPrompt", flow.ErrorPrompt), ("helpText", flow.HelpText), ("optOutText", flow.OptOutText), ("optInText", flow.OptInText) })
        {
            foreach (var language in flow.Languages)
            {
                if (text is not null && (!text.TryGetValue(language, out var t) || string.IsNullOrWhiteSpace(t)))
                {
                    error($"{field}.{language}", $"the flow speaks {language} but this text has no {language} version.");
                }
            }
        }
    }

    private static HashSet<string> ValidateIds(string file, FlowDefinition flow, List<FlowError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (step, index) in flow.Steps.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(step.Id))
            {
                errors.Add(new FlowError(file, null, $"steps[{index}].id", "is required."));
            }
            else if (!ids.Add(step.Id))
            {
                errors.Add(new FlowError(file, step.Id, "id", $"another step already has the id '{step.Id}'."));
            }
        }

        if (flow.Steps.Count == 0)
        {
            errors.Add(new FlowError(file, null, "steps", "a flow needs at least one step."));
        }

        return ids;
    }

    private static void ValidateKind(StepValidationContext context, FlowStep step)
    {
        var attribute = step.GetType().GetCustomAttributes(typeof(FlowStepTypeAttribute), false).OfType<FlowStepTypeAttribute>().FirstOrDefault();
        if (attribute is not null && !attribute.Kinds.Contains(context.Flow.Kind))
        {
            context.Error("type", $"a '{step.TypeName}' step cannot be used in a {context.Flow.Kind.ToString().ToLowerInvariant()} flow.");
        }
    }

    private static void ValidatePrompt(StepValidationContext context, StepPrompt prompt)
    {
        if (prompt.Text is null)
        {
            return;
        }

        foreach (var language in context.Flow.Languages)
        {
            if (!prompt.Text.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))
            {
                context.Error($"{prompt.Field}.{language}", $"the flow speaks {language} but this prompt has no {language} text.");
            }
        }

        foreach (var language in prompt.Text.Keys.Where(k => !context.Flow.Languages.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            context.Error($"{prompt.Field}.{language}", $"'{language}' is not one of the flow's languages ({string.Join(", ", context.Flow.Languages)}).");
        }
    }

    // Unreachable steps are mistakes (a menu option removed, a typo in a target); loops of steps that never wait would
    // spin on every webhook until the engine's step limit cut them off.
    private static void ValidateGraph(string file, FlowDefinition flow, List<FlowError> errors)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([flow.Start, .. flow.OnError is null ? Array.Empty<string>() : [flow.OnError]]);
        while (pending.TryPop(out var id))
        {
            if (reachable.Add(id) && flow.Find(id) is { } step)
            {
                foreach (var target in step.Transitions().Select(t => t.Target).OfType<string>())
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var step in flow.Steps.Where(s => !reachable.Contains(s.Id)))
        {
            errors.Add(new FlowError(file, step.Id, "id", "no step leads here: the step is unreachable from 'start'."));
        }

        foreach (var cycle in CyclesWithoutWait(flow))
        {
            errors.Add(new FlowError(file, cycle[0], "transitions",
                $"these steps loop without ever waiting for the caller: {string.Join(" -> ", cycle)} -> {cycle[0]}."));
        }
    }

    private static List<List<string>> CyclesWithoutWait(FlowDefinition flow)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var path = new List<string>();

        void Visit(FlowStep step)
        {
            state[step.Id] = 1;
            path.Add(step.Id);
            foreach (var target in step.Transitions().Select(t => t.Target).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (flow.Find(target) is not { WaitsForInput: false } next)
                {
                    continue;
                }

                if (state.GetValueOrDefault(next.Id) == 1)
                {
                    cycles.Add(path[path.IndexOf(next.Id)..]);
                }
                else if (state.GetValueOrDefault(next.Id) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[step.Id] = 2;
        }

        foreach (var step in flow.Steps.Where(s => !s.WaitsForInput && s.Id.Length > 0))
        {
            if (state.GetValueOrDefault(step.Id) == 0)
            {
                Visit(step);
            }
        }

        return cycles;
    }
}
