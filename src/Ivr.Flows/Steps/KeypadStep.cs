using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// The shared shape of every step that asks the caller something and waits: a prompt, a timeout, a number of
/// retries with a message after silence and after a wrong answer, and a fallback when the retries run out.
/// In an SMS flow the prompt is sent as a reply and the next message is the answer.
/// Subclasses say what a valid answer is (<see cref="FlowStep.ResumeAsync"/>) and may tune the Gather (<see cref="Listen"/>).
/// </summary>
public abstract class KeypadStep : FlowStep
{
    /// <summary>The longest keypad answer taken (an MRN, a date of birth); longer input is treated as invalid.</summary>
    public const int MaxDigits = 20;

    public LocalizedText? Prompt { get; init; }

    /// <summary>Said before asking again after the caller said nothing.</summary>
    public LocalizedText? NoInputPrompt { get; init; }

    /// <summary>Said before asking again after an answer that is not valid.</summary>
    public LocalizedText? InvalidPrompt { get; init; }

    /// <summary>How many more times to ask after the first (0-5, default 2).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Seconds to wait for the first key (1-60, default 5).</summary>
    public int Timeout { get; init; } = 5;

    /// <summary>Where to go when the retries run out; the call ends when absent.</summary>
    public string? Fallback { get; init; }

    protected override bool Waits => true;

    public override IEnumerable<StepPrompt> Prompts() =>
        [new("prompt", Prompt), new("noInputPrompt", NoInputPrompt), new("invalidPrompt", InvalidPrompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Range("retries", Retries, 0, 5);
        context.Range("timeout", Timeout, 1, 60);
    }

    /// <summary>Asks: renders the prompt inside a Gather (or sends it by SMS) and waits.</summary>
    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Ask(context));

    /// <summary>The Gather settings for this step: digits only, any count ended by #, unless overridden.</summary>
    protected virtual Gather Listen(StepContext context) => new()
    {
        Input = GatherInput.Dtmf,
        Timeout = Timeout,
        FinishOnKey = "#",
        Action = context.ActionUrl(FlowEvent.Gathered),
        ActionOnEmptyResult = true,
    };

    /// <summary>The question asked now: <see cref="Prompt"/>, unless the step asks several in turn.</summary>
    protected virtual LocalizedText? CurrentPrompt(StepContext context) => Prompt;

    /// <summary>Extra prompt spoken inside the Gather after <see cref="Prompt"/> (a list of slots, a menu read out).</summary>
    protected virtual void AddPrompts(StepContext context, Gather gather)
    {
    }

    /// <summary>Renders the question (with an optional lead-in said first) and waits for the answer.</summary>
    protected StepOutcome Ask(StepContext context, LocalizedText? leadIn = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Flow.Kind == FlowKind.Sms)
        {
            var text = string.Join("\n", new[] { context.Text(leadIn), context.Text(CurrentPrompt(context)) }.Where(t => t.Length > 0));
            if (text.Length > 0)
            {
                context.SmsReplies.Add(text);
            }

            return StepOutcome.Wait("ask");
        }

        var gather = Listen(context);
        var language = context.Language;
        var lead = context.Text(leadIn);
        if (lead.Length > 0)
        {
            gather.Say(lead, language.DefaultVoice, language.SayLanguage);
        }

        var prompt = context.Text(CurrentPrompt(context));
        if (prompt.Length > 0)
        {
            gather.Say(prompt, language.DefaultVoice, language.SayLanguage);
        }

        AddPrompts(context, gather);
        context.Voice.Gather(gather);
        return StepOutcome.Wait("ask");
    }

    /// <summary>
    /// After silence (<paramref name="invalid"/> false) or a wrong answer: asks again with the matching message, or
    /// takes <see cref="Fallback"/> when the retries are used up.
    /// </summary>
    protected StepOutcome Retry(StepContext context, bool invalid)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Session.Attempts++;
        context.Trace(invalid ? "invalid" : "no-input", $"attempt {context.Session.Attempts}");
        if (context.Session.Attempts > Retries)
        {
            return StepOutcome.Next(Fallback, invalid ? "invalid" : "no-input");
        }

        return Ask(context, invalid ? InvalidPrompt : NoInputPrompt);
    }

    /// <summary>
    /// The caller's answer: keypad digits (only 0-9, * and #, at most <see cref="MaxDigits"/>), else speech or SMS
    /// text, trimmed; null when there is none. Garbage digits read as an invalid answer, never an exception.
    /// </summary>
    protected static string? Answer(StepContext context, out bool garbage)
    {
        ArgumentNullException.ThrowIfNull(context);
        garbage = false;
        var input = context.Input;
        if (input is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(input.Digits))
        {
            var digits = input.Digits.Trim();
            if (digits.Length > MaxDigits || !digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
            {
                garbage = true;
                return null;
            }

            return digits;
        }

        var text = (input.SpeechResult ?? input.Body)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
