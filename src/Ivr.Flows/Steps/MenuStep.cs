using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// A keypad menu: one key leads to one step. Callers may also say an option when <see cref="Speech"/> lists words for
/// it. Each chosen key is appended to <c>menu.path</c>; an unknown key asks again, and the fallback follows the retries.
/// <code>
/// {"type": "menu", "prompt": {...}, "options": {"1": "appointments", "2": "results", "0": "agent"},
///  "speech": {"1": {"zh-CN": "预约,挂号", "en-US": "appointment,booking"}}, "fallback": "agent"}
/// </code>
/// </summary>
[FlowStepType("menu")]
public sealed class MenuStep : KeypadStep
{
    /// <summary>How many of the latest menu keys <c>menu.path</c> keeps.</summary>
    public const int MaxPathKeys = 32;

    private static readonly char[] WordSeparators = [',', '，', '、', ';', '；'];

    /// <summary>Key (0-9, * or #) to the step it leads to.</summary>
    public Dictionary<string, string> Options { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Per key, the words (comma-separated, per language) a caller may say instead of pressing it.</summary>
    public Dictionary<string, LocalizedText>? Speech { get; init; }

    public override IEnumerable<StepTransition> Transitions() =>
        [.. Options.Select(o => new StepTransition($"options.{o.Key}", o.Value)), new("fallback", Fallback)];

    public override IEnumerable<StepPrompt> Prompts() =>
        [.. base.Prompts(), .. (Speech ?? []).Select(s => new StepPrompt($"speech.{s.Key}", s.Value))];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Validate(context);
        if (Options.Count == 0)
        {
            context.Error("options", "a menu needs at least one option.");
        }

        foreach (var key in Options.Keys)
        {
            StepChecks.Key(context, $"options.{key}", key);
        }

        foreach (var key in (Speech ?? []).Keys.Where(k => !Options.ContainsKey(k)))
        {
            context.Error($"speech.{key}", $"there is no option '{key}' to say words for.");
        }
    }

    public override ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = Answer(context, out var garbage);
        if (answer is null)
        {
            return ValueTask.FromResult(Retry(context, invalid: garbage));
        }

        var spoken = string.IsNullOrEmpty(context.Input?.Digits);
        var key = Options.ContainsKey(answer) ? answer : spoken ? Recognise(context, answer) : null;
        if (key is null)
        {
            return ValueTask.FromResult(Retry(context, invalid: true));
        }

        // The path is for people (the screen-pop): the last keys are enough, and a caller circling a menu must
        // not grow the stored call state without bound.
        var path = context.Get(FlowVariables.MenuPath).AsList();
        context.Set(FlowVariables.MenuPath, FlowValue.From(path.Skip(Math.Max(0, path.Length + 1 - MaxPathKeys)).Append(key)));
        context.Trace("input", spoken ? $"key {key} (said)" : $"key {key}");
        return ValueTask.FromResult(StepOutcome.Next(Options[key], $"key {key}"));
    }

    // Numbers end on one key press; the # key must not be swallowed as Twilio's default finishing key.
    protected override Gather Listen(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var speech = Speech is { Count: > 0 };
        return new Gather
        {
            Input = speech ? GatherInput.DtmfSpeech : GatherInput.Dtmf,
            NumDigits = 1,
            Timeout = Timeout,
            FinishOnKey = string.Empty,
            Action = context.ActionUrl(FlowEvent.Gathered),
            ActionOnEmptyResult = true,
            Language = speech ? context.Language.GatherSpeechLanguage : null,
            Hints = speech ? string.Join(",", Speech!.Values.SelectMany(w => Words(context, w))) : null,
        };
    }

    // The option whose longest word the caller said ("I want to book an appointment" -> booking's key); a text that
    // is just a key ("1.") counts as that key.
    private string? Recognise(StepContext context, string said)
    {
        var bare = said.Trim().TrimEnd('.', '。', '!', '！', '?', '？');
        if (Options.ContainsKey(bare))
        {
            return bare;
        }

        return (Speech ?? [])
            .Where(s => Options.ContainsKey(s.Key))
            .SelectMany(s => Words(context, s.Value).Select(word => (s.Key, Word: word)))
            .Where(p => said.Contains(p.Word, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Word.Length)
            .Select(p => p.Key)
            .FirstOrDefault();
    }

    private static string[] Words(StepContext context, LocalizedText words) =>
        context.Text(words).Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
