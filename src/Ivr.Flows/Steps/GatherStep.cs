using System.Text.RegularExpressions;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Asks for keypad digits and/or speech, checks the answer against an optional pattern, stores it in a variable and
/// goes on; asks again after silence or a wrong answer, then takes the fallback.
/// <code>{"type": "gather", "prompt": {...}, "input": "dtmf", "numDigits": 4, "pattern": "^[0-9]{4}$", "variable": "pin", "next": "check"}</code>
/// </summary>
[FlowStepType("gather")]
public sealed class GatherStep : KeypadStep
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);
    private Regex? _pattern;

    /// <summary>dtmf (default), speech, or dtmf-speech.</summary>
    public GatherInput Input { get; init; } = GatherInput.Dtmf;

    /// <summary>Exactly this many digits end the input (1-20); otherwise # ends it.</summary>
    public int? NumDigits { get; init; }

    /// <summary>A regular expression the whole answer must match; any answer when absent.</summary>
    public string? Pattern { get; init; }

    /// <summary>Words speech recognition should expect, per language (comma-separated).</summary>
    public LocalizedText? Hints { get; init; }

    /// <summary>The variable that receives the answer (also always in <c>input.digits</c> / <c>input.speech</c>).</summary>
    public string? Variable { get; init; }

    public string? Next { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next), new("fallback", Fallback)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Validate(context);
        context.Required("next", Next);
        context.Range("numDigits", NumDigits, 1, MaxDigits);
        if (Pattern is not null && !TryPattern(Pattern, out var reason))
        {
            context.Error("pattern", $"is not a valid regular expression: {reason}");
        }

        if (Variable is not null && !VariableNames.IsValid(Variable))
        {
            context.Error("variable", VariableNames.Rule);
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

        var isDigits = !string.IsNullOrEmpty(context.Input?.Digits);
        if ((isDigits && NumDigits is { } wanted && answer.Length != wanted) || !Matches(answer))
        {
            return ValueTask.FromResult(Retry(context, invalid: true));
        }

        context.Set(isDigits ? FlowVariables.LastDigits : FlowVariables.LastSpeech, FlowValue.From(answer));
        if (Variable is not null)
        {
            context.Set(Variable, FlowValue.From(answer));
        }

        context.Trace("input", isDigits ? $"{answer.Length} digit(s)" : "speech");
        return ValueTask.FromResult(StepOutcome.Next(Next, "answered"));
    }

    protected override Gather Listen(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var speech = Input != GatherInput.Dtmf;
        return new Gather
        {
            Input = Input,
            NumDigits = NumDigits,
            Timeout = Timeout,
            FinishOnKey = NumDigits is null ? "#" : null,
            Action = context.ActionUrl(FlowEvent.Gathered),
            ActionOnEmptyResult = true,
            Language = speech ? context.Language.GatherSpeechLanguage : null,
            Hints = speech && Hints is not null ? context.Text(Hints) : null,
        };
    }

    private bool Matches(string answer)
    {
        if (Pattern is null)
        {
            return true;
        }

        _pattern ??= new Regex(Pattern, RegexOptions.CultureInvariant, PatternTimeout);
        try
        {
            return _pattern.IsMatch(answer);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryPattern(string pattern, out string reason)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            reason = string.Empty;
            return true;
        }
        catch (ArgumentException ex)
        {
            reason = ex.Message;
            return false;
        }
    }
}
