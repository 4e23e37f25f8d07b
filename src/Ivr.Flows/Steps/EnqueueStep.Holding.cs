using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

// The webhooks of a call in line: hold music requests, a key pressed during the callback offer, and leaving the line.
public sealed partial class EnqueueStep
{
    private static readonly HashSet<string> WithAgent = new(StringComparer.OrdinalIgnoreCase) { "bridged", "bridging-in-process" };

    private static readonly HashSet<string> KnownResults = new(StringComparer.OrdinalIgnoreCase)
    {
        "queue-full", "redirected", "leave", "error", "system-error",
    };

    // Holds do not move the flow: what is said here is not remembered, and nothing but variables changes. A failure
    // must not reach the engine's error path either: its steps would render verbs a waitUrl may not use, and move the
    // flow away from this step while Twilio still holds the caller in line. The caller keeps waiting instead.
    private async Task<StepOutcome> HoldAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Get(FlowVariables.CallbackRequested).AsBoolean())
        {
            context.Voice.Leave();
            return StepOutcome.Wait("hold");
        }

        QueuePlacement? placement;
        try
        {
            placement = await context.Services.Queues.PlacementAsync(CallFacts.CallSid(context), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Trace("hold-error", ex.GetType().Name);
            placement = null;
        }

        if (placement is null)
        {
            context.Voice.Pause(AnnounceEvery);
            return StepOutcome.Wait("hold");
        }

        SetPlacement(context, placement);
        context.Say(HoldPrompt);
        if (Callback is { } callback && placement.EstimatedWaitSeconds > callback.ThresholdSeconds && CallFacts.From(context).Length > 0)
        {
            var gather = new Gather
            {
                Input = GatherInput.Dtmf,
                NumDigits = 1,
                Timeout = AnnounceEvery,
                FinishOnKey = string.Empty,
                Action = context.ActionUrl(FlowEvent.HoldKey),
            };
            var offer = context.Text(callback.Prompt);
            if (offer.Length > 0)
            {
                gather.Say(offer, context.Language.DefaultVoice, context.Language.SayLanguage);
            }

            context.Voice.Gather(gather);
        }
        else
        {
            context.Voice.Pause(AnnounceEvery);
        }

        return StepOutcome.Wait("hold");
    }

    private async Task<StepOutcome> HoldKeyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var from = CallFacts.From(context);
        if (Callback is not { } callback || !string.Equals(context.Input?.Digits?.Trim(), callback.Key, StringComparison.Ordinal) || from.Length == 0)
        {
            return await HoldAsync(context, cancellationToken);
        }

        try
        {
            await context.Services.Queues.RequestCallbackAsync(
                new CallbackRequest(CallFacts.CallSid(context), Queue!, from, CallFacts.PatientId(context), context.Session.Language),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Still in line, without a callback: the offer comes again at the next announcement.
            context.Trace("callback-error", ex.GetType().Name);
            return await HoldAsync(context, cancellationToken);
        }

        context.Set(FlowVariables.CallbackRequested, FlowValue.True);
        context.Trace("callback", "requested");
        context.Say(callback.ConfirmPrompt);
        context.Voice.Leave();
        return StepOutcome.Wait("callback");
    }

    /// <summary>The caller hung up while waiting: give the place up, unless a callback request holds it.</summary>
    public override async ValueTask OnCallEndedAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Get(FlowVariables.CallbackRequested).AsBoolean())
        {
            await context.Services.Queues.LeaveAsync(CallFacts.CallSid(context), "hangup", cancellationToken);
        }
    }

    private async Task<StepOutcome> LeftAsync(StepContext context, CancellationToken cancellationToken)
    {
        var result = context.Input?.QueueResult?.Trim() ?? string.Empty;
        if (WithAgent.Contains(result))
        {
            context.Trace("queue-left", result.ToLowerInvariant());
            return StepOutcome.End("bridged");
        }

        // A callback request already holds the caller's place: leaving the line must not give it up.
        if (context.Get(FlowVariables.CallbackRequested).AsBoolean())
        {
            context.Trace("queue-left", "callback");
            return string.Equals(result, "hangup", StringComparison.OrdinalIgnoreCase)
                ? StepOutcome.End("hangup")
                : StepOutcome.Next(Callback?.Next, "callback");
        }

        var reason = string.Equals(result, "hangup", StringComparison.OrdinalIgnoreCase) ? "hangup"
            : KnownResults.Contains(result) ? result.ToLowerInvariant()
            : "unknown";
        context.Trace("queue-left", reason);
        await context.Services.Queues.LeaveAsync(CallFacts.CallSid(context), reason, cancellationToken);
        return reason == "hangup" ? StepOutcome.End("hangup") : StepOutcome.Next(Next, reason);
    }
}
