using Ivr.Flows.Execution;
using Ivr.Flows.Languages;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Lets the caller choose the language of every later prompt by key. The caller does not understand the current
/// language yet, so the prompts are spoken in every language of the flow, each in its own voice. Sets the session's
/// language, <c>language</c> and <c>language.chosen</c>; after the retries the fallback keeps the default language.
/// <code>
/// {"type": "language", "prompt": {"zh-CN": "普通话请按1", "en-US": "For English, press 2"},
///  "options": {"1": "zh-CN", "2": "en-US"}, "next": "greeting", "fallback": "greeting"}
/// </code>
/// </summary>
[FlowStepType("language")]
public sealed class LanguageStep : KeypadStep
{
    /// <summary>Set to true once the caller has chosen, so later steps (and the hub) know not to ask again.</summary>
    public const string ChosenVariable = FlowVariables.LanguageChosen;

    /// <summary>Key (0-9, * or #) to a language tag of the flow (zh-CN, en-US).</summary>
    public Dictionary<string, string> Options { get; init; } = new(StringComparer.Ordinal);

    public string? Next { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next), new("fallback", Fallback)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Validate(context);
        context.Required("next", Next);
        if (Options.Count == 0)
        {
            context.Error("options", "a language step needs at least one option.");
        }

        foreach (var (key, tag) in Options)
        {
            StepChecks.Key(context, $"options.{key}", key);
            if (!IvrLanguage.TryParse(tag, out var language, out var reason))
            {
                context.Error($"options.{key}", reason);
            }
            else if (!string.Equals(language.Tag, tag, StringComparison.Ordinal))
            {
                context.Error($"options.{key}", $"write '{language.Tag}' (the hub's tag), not '{tag}'.");
            }
            else if (!context.Flow.Languages.Contains(tag, StringComparer.Ordinal))
            {
                context.Error($"options.{key}", $"'{tag}' is not one of the flow's languages ({string.Join(", ", context.Flow.Languages)}).");
            }
        }
    }

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AskInEveryLanguage(context, leadIn: null));

    public override ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = Answer(context, out var garbage);
        if (answer is null || !Options.TryGetValue(answer, out var tag))
        {
            return ValueTask.FromResult(AskAgain(context, invalid: answer is not null || garbage));
        }

        context.Session.Language = tag;
        context.Set(FlowVariables.Language, FlowValue.From(tag));
        context.Set(ChosenVariable, FlowValue.True);
        context.Trace("input", $"key {answer} -> {tag}");
        return ValueTask.FromResult(StepOutcome.Next(Next, "chosen"));
    }

    // KeypadStep.Retry asks in the call's language only; this step must keep asking in all of them.
    private StepOutcome AskAgain(StepContext context, bool invalid)
    {
        context.Session.Attempts++;
        context.Trace(invalid ? "invalid" : "no-input", $"attempt {context.Session.Attempts}");
        return context.Session.Attempts > Retries
            ? StepOutcome.Next(Fallback, invalid ? "invalid" : "no-input")
            : AskInEveryLanguage(context, invalid ? InvalidPrompt : NoInputPrompt);
    }

    private StepOutcome AskInEveryLanguage(StepContext context, LocalizedText? leadIn)
    {
        ArgumentNullException.ThrowIfNull(context);
        var languages = context.Flow.Languages.Count > 0 ? context.Flow.Languages : [context.Flow.EffectiveDefaultLanguage];
        if (context.Flow.Kind == FlowKind.Sms)
        {
            var lines = languages.SelectMany(l => new[] { TextIn(context, leadIn, l), TextIn(context, Prompt, l) }).Where(t => t.Length > 0);
            context.SmsReplies.Add(string.Join("\n", lines));
            return StepOutcome.Wait("ask");
        }

        var gather = new Gather
        {
            Input = GatherInput.Dtmf,
            NumDigits = 1,
            Timeout = Timeout,
            FinishOnKey = string.Empty,
            Action = context.ActionUrl(FlowEvent.Gathered),
            ActionOnEmptyResult = true,
        };
        foreach (var tag in languages)
        {
            var language = IvrLanguage.TryParse(tag, out var parsed, out _) ? parsed : context.Language;
            foreach (var text in new[] { TextIn(context, leadIn, tag), TextIn(context, Prompt, tag) }.Where(t => t.Length > 0))
            {
                gather.Say(text, language.DefaultVoice, language.SayLanguage);
            }
        }

        context.Voice.Gather(gather);
        return StepOutcome.Wait("ask");
    }

    private static string TextIn(StepContext context, LocalizedText? text, string language) =>
        text is null ? string.Empty : Templates.Render(text.For(language, context.Flow.EffectiveDefaultLanguage), context.Session.Variables);
}
