using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Puts the caller in a queue for an agent, with priority and required skills. While they hold, every
/// <see cref="AnnounceEvery"/> seconds they hear their position and estimated wait; past a threshold a callback is
/// offered that keeps their place. Reaching an agent ends the flow; leaving the line otherwise (queue full, error)
/// goes to <see cref="Next"/>.
/// <code>
/// {"type": "enqueue", "queue": "appointments", "priority": 10, "skills": ["zh"], "announceEvery": 30,
///  "holdPrompt": {"en-US": "You are number {queue.position}; about {queue.waitMinutes} minutes."},
///  "callback": {"thresholdSeconds": 300, "prompt": {...}, "key": "1", "confirmPrompt": {...}, "next": "bye"},
///  "next": "voicemail"}
/// </code>
/// </summary>
[FlowStepType("enqueue", Kinds = [FlowKind.Voice])]
public sealed partial class EnqueueStep : FlowStep
{
    public const string PositionVariable = "queue.position";
    public const string WaitMinutesVariable = "queue.waitMinutes";

    /// <summary>Twilio refuses longer queue names in &lt;Enqueue&gt;.</summary>
    public const int MaxQueueNameLength = 64;

    public string? Queue { get; init; }

    /// <summary>0-100; higher is answered first.</summary>
    public int Priority { get; init; }

    /// <summary>Skills an agent needs to take the call (e.g. a language).</summary>
    public List<string> Skills { get; init; } = [];

    /// <summary>Said while holding; may use {queue.position} and {queue.waitMinutes}.</summary>
    public LocalizedText? HoldPrompt { get; init; }

    /// <summary>Seconds between announcements (10-300, default 30).</summary>
    public int AnnounceEvery { get; init; } = 30;

    public QueueCallbackOffer? Callback { get; init; }

    /// <summary>Where to go when the caller leaves the line without an agent (queue full, error); the call ends when absent.</summary>
    public string? Next { get; init; }

    protected override bool Waits => true;

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next), new("callback.next", Callback?.Next)];

    public override IEnumerable<StepPrompt> Prompts() =>
        [new("holdPrompt", HoldPrompt), new("callback.prompt", Callback?.Prompt), new("callback.confirmPrompt", Callback?.ConfirmPrompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Required("queue", Queue))
        {
            context.KnownQueue("queue", Queue);
            if (Queue!.Length > MaxQueueNameLength)
            {
                context.Error("queue", $"a queue name is at most {MaxQueueNameLength} characters (Twilio's limit).");
            }
        }

        context.Range("priority", Priority, 0, 100);
        context.Range("announceEvery", AnnounceEvery, 10, 300);
        foreach (var (skill, index) in Skills.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(skill) || skill.Length > 64)
            {
                context.Error($"skills[{index}]", "a skill is a short non-empty name.");
            }
        }

        if (Callback is { } callback)
        {
            context.Range("callback.thresholdSeconds", callback.ThresholdSeconds, 0, 3600);
            StepChecks.Key(context, "callback.key", callback.Key);
            if (callback.Prompt is null)
            {
                context.Error("callback.prompt", "is required: the caller must hear the offer.");
            }
        }
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var placement = await context.Services.Queues.EnqueueAsync(
            new QueueRequest(
                CallFacts.CallSid(context),
                Queue!,
                Priority,
                Skills,
                CallFacts.PatientId(context),
                CallFacts.From(context),
                context.Session.Language),
            cancellationToken);
        context.Set(FlowVariables.Queue, FlowValue.From(Queue));
        context.Set(FlowVariables.CallbackRequested, FlowValue.False);
        SetPlacement(context, placement);
        context.Trace("enqueued", Queue);
        context.Report(new Enqueued(Id, Queue!));
        context.Voice.Enqueue(new Enqueue(Queue)
        {
            Action = context.ActionUrl(FlowEvent.QueueLeft),
            WaitUrl = context.ActionUrl(FlowEvent.Hold),
        });
        return StepOutcome.Wait("enqueued");
    }

    public override async ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Input?.Event switch
        {
            FlowEvent.Hold => await HoldAsync(context, cancellationToken),
            FlowEvent.HoldKey => await HoldKeyAsync(context, cancellationToken),
            _ => await LeftAsync(context, cancellationToken),
        };
    }

    private static void SetPlacement(StepContext context, QueuePlacement placement)
    {
        context.Set(PositionVariable, FlowValue.From(placement.Position));
        // Rounded up and at least one: "about 0 minutes" sounds like a promise the queue cannot keep.
        context.Set(WaitMinutesVariable, FlowValue.From(Math.Max(1, (placement.EstimatedWaitSeconds + 59) / 60)));
    }
}
