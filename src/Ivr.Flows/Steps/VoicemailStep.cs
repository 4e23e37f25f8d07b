using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Records a message and leaves it to staff as a follow-up task of a category (a queue's name). Without a recording
/// (silence, hung up at once) it asks once more, then takes the fallback. The recording's URL is personal data: it
/// goes to the follow-up desk only, never into the trace.
/// <code>
/// {"type": "voicemail", "prompt": {...}, "maxLength": 120, "category": "general", "next": "thanks", "fallback": "bye"}
/// </code>
/// </summary>
[FlowStepType("voicemail", Kinds = [FlowKind.Voice])]
public sealed class VoicemailStep : FlowStep
{
    /// <summary>How many times to ask again after no recording.</summary>
    public const int Retries = 1;

    public LocalizedText? Prompt { get; init; }

    /// <summary>Longest message in seconds (5-600, default 120).</summary>
    public int MaxLength { get; init; } = 120;

    /// <summary>The queue whose staff handle the message.</summary>
    public string? Category { get; init; }

    public bool PlayBeep { get; init; } = true;

    /// <summary>Keys that end the recording (default #); empty for none.</summary>
    public string FinishOnKey { get; init; } = "#";

    /// <summary>After the message is stored (a thank-you); the call ends when absent.</summary>
    public string? Next { get; init; }

    /// <summary>When no message was recorded after the retry; the call ends when absent.</summary>
    public string? Fallback { get; init; }

    protected override bool Waits => true;

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next), new("fallback", Fallback)];

    public override IEnumerable<StepPrompt> Prompts() => [new("prompt", Prompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Range("maxLength", MaxLength, 5, 600);
        if (context.Required("category", Category))
        {
            context.KnownQueue("category", Category);
        }

        if (!FinishOnKey.All(c => StepChecks.IsKey(c.ToString())))
        {
            context.Error("finishOnKey", $"'{FinishOnKey}' must be keypad keys (0-9, * or #) or empty.");
        }
    }

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Record(context));

    public override async ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input;
        if (input is not { Event: FlowEvent.Recorded, RecordingDurationSeconds: > 0 } || !IsRecordingUrl(input.RecordingUrl))
        {
            context.Session.Attempts++;
            context.Trace("no-recording", $"attempt {context.Session.Attempts}");
            return context.Session.Attempts > Retries ? StepOutcome.Next(Fallback, "no-recording") : Record(context);
        }

        var duration = input.RecordingDurationSeconds!.Value;
        await context.Services.FollowUps.CreateVoicemailAsync(
            new VoicemailTask(
                CallFacts.CallSid(context),
                CallFacts.PatientId(context),
                CallFacts.From(context),
                input.RecordingUrl!,
                duration,
                Category!,
                context.Session.Language),
            cancellationToken);
        context.Trace("voicemail", $"{duration} s for {Category}");
        return StepOutcome.Next(Next, "recorded");
    }

    // Twilio skips the action URL when the recording is empty and runs the next verb instead: the Redirect brings
    // that case back to this step as "no recording".
    private StepOutcome Record(StepContext context)
    {
        context.Say(Prompt);
        var action = context.ActionUrl(FlowEvent.Recorded);
        context.Voice.Record(new RecordOptions
        {
            Action = action,
            MaxLength = MaxLength,
            PlayBeep = PlayBeep,
            FinishOnKey = FinishOnKey,
        });
        context.Voice.Redirect(action);
        return StepOutcome.Wait("record");
    }

    private static bool IsRecordingUrl(string? url) =>
        url is { Length: <= 2048 } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
