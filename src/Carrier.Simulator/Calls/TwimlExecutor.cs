using System.Xml.Linq;
using Carrier.Simulator.Hub;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

/// <summary>
/// Plays a call the way Twilio does: rings, requests the hub's TwiML (signed), executes each verb in order, follows
/// actions and redirects, and ends with the status callbacks Twilio would send.
/// </summary>
internal sealed partial class TwimlExecutor(
    HubWebhookClient hub,
    CallStatusReporter reporter,
    CallRegistry registry,
    CallWaits waits,
    IOptions<CarrierSimulatorOptions> options,
    IOptions<TwilioOptions> twilio)
{
    private static readonly HashSet<string> KnownVerbs =
        ["Say", "Play", "Pause", "Gather", "Enqueue", "Dial", "Record", "Redirect", "Hangup", "Reject", "Leave"];

    private TimeProvider Time => waits.Time;

    /// <summary>Runs the call to its end. Never throws: a failure is written to the transcript and ends the call.</summary>
    public async Task RunAsync(SimulatedCall call, CancellationToken cancellationToken)
    {
        var final = CallStatus.Failed;
        try
        {
            var next = await StartAsync(call, cancellationToken);
            while (next is not Next.End)
            {
                next = await StepAsync(call, next, cancellationToken);
            }

            final = ((Next.End)next).Status;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            final = call.AnsweredAt is null ? CallStatus.Canceled : CallStatus.Completed;
        }
#pragma warning disable CA1031 // A test carrier reports any failure on the call instead of crashing the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            call.Note(Time.GetUtcNow(), "error", "Simulator failure: " + ex.Message);
        }
        finally
        {
            await FinishAsync(call, final);
        }
    }

    private async Task<Next> StartAsync(SimulatedCall call, CancellationToken cancellationToken)
    {
        call.StartedAt = Time.GetUtcNow();
        if (call.Direction == CallDirection.Inbound)
        {
            call.Note(Time.GetUtcNow(), "ringing", call.From + " calls " + call.To);
            await reporter.ReportAsync(call, "ringing", cancellationToken);
            return new Next.Fetch(hub.HubUrl(options.Value.VoicePath), "POST", []);
        }

        call.Status = CallStatus.Initiated;
        await reporter.ReportAsync(call, "initiated", cancellationToken);
        call.Status = CallStatus.Ringing;
        call.Note(Time.GetUtcNow(), "ringing", "calling " + call.To);
        await reporter.ReportAsync(call, "ringing", cancellationToken);
        switch (registry.FarEnd(call.To))
        {
            case FarEndAnswer.Busy:
                return new Next.End(CallStatus.Busy);
            case FarEndAnswer.Failed:
                return new Next.End(CallStatus.Failed);
            case FarEndAnswer.NoAnswer:
                try
                {
                    await waits.PauseAsync(call, TimeSpan.FromSeconds(call.RingTimeout), cancellationToken);
                    return new Next.End(CallStatus.NoAnswer);
                }
                catch (CallInterruptedException)
                {
                    return new Next.End(CallStatus.Canceled);
                }
        }

        await AnswerAsync(call, cancellationToken);
        // Machine detection, when asked for, is answered on the first TwiML request, as Twilio's synchronous AMD does.
        List<KeyValuePair<string, string>> detected = [];
        if (call.MachineDetection is not null)
        {
            call.AnsweredBy = registry.FarEnd(call.To) == FarEndAnswer.Machine ? "machine_start" : "human";
            call.Note(Time.GetUtcNow(), "answered-by", call.AnsweredBy);
            detected.Add(new("AnsweredBy", call.AnsweredBy));
        }

        return call.Url is { } url
            ? new Next.Fetch(url, call.Method, detected)
            : new Next.Inline(call.Twiml ?? "<Response/>", hub.HubUrl("/"));
    }

    private async Task<Next> StepAsync(SimulatedCall call, Next next, CancellationToken cancellationToken)
    {
        try
        {
            var document = next switch
            {
                Next.Fetch fetch => await FetchAsync(call, fetch.Url, fetch.Method, fetch.Fields, cancellationToken),
                Next.Inline inline => Parse(call, inline.Twiml, inline.BaseUrl),
                _ => null,
            };
            if (document is null)
            {
                return new Next.End(call.AnsweredAt is null ? CallStatus.Failed : CallStatus.Completed);
            }

            var after = await RunDocumentAsync(call, document, cancellationToken);
            if (after is null)
            {
                // Twilio hangs up when a document runs out of verbs; a redirect already waiting still wins.
                CallWaits.ThrowIfInterrupted(call);
                call.Note(Time.GetUtcNow(), "hangup", "end of TwiML document");
                return new Next.End(CallStatus.Completed);
            }

            return after;
        }
        catch (CallInterruptedException ex)
        {
            return Interrupted(call, ex.Event);
        }
    }

    private Next Interrupted(SimulatedCall call, CallerEvent interruption)
    {
        switch (interruption.Kind)
        {
            case CallerEventKind.Redirect when interruption.Twiml is { } twiml:
                call.Note(Time.GetUtcNow(), "redirect", "inline TwiML (REST update)");
                return new Next.Inline(twiml, hub.HubUrl("/"));
            case CallerEventKind.Redirect:
                call.Note(Time.GetUtcNow(), "redirect", interruption.Text ?? string.Empty);
                return new Next.Fetch(interruption.Text ?? hub.HubUrl("/"), interruption.Method ?? "POST", []);
            default:
                call.Note(Time.GetUtcNow(), "hangup", interruption.Text ?? "caller hung up");
                return new Next.End(call.AnsweredAt is null ? CallStatus.Canceled : CallStatus.Completed);
        }
    }

    private async Task<Next?> RunDocumentAsync(SimulatedCall call, TwimlDocument document, CancellationToken cancellationToken)
    {
        var verbs = document.Root.Elements().ToList();
        if (verbs.FirstOrDefault(v => !KnownVerbs.Contains(v.Name.LocalName)) is { } unknown)
        {
            // Twilio checks the whole document before running any of it.
            call.Note(Time.GetUtcNow(), "error", "12100 Document parse failure: unknown verb <" + unknown.Name.LocalName + ">", Url(document.Url));
            return new Next.End(call.AnsweredAt is null ? CallStatus.Failed : CallStatus.Completed);
        }

        for (var i = 0; i < verbs.Count; i++)
        {
            CallWaits.ThrowIfInterrupted(call);
            var verb = verbs[i];
            if (verb.Name.LocalName == "Reject")
            {
                return Reject(call, verb);
            }

            await AnswerAsync(call, cancellationToken);
            var next = await RunVerbAsync(call, document, verb, cancellationToken);
            if (next is not null)
            {
                return next;
            }
        }

        return null;
    }

    private async Task<Next?> RunVerbAsync(SimulatedCall call, TwimlDocument document, XElement verb, CancellationToken cancellationToken)
    {
        switch (verb.Name.LocalName)
        {
            case "Say" or "Play" or "Pause":
                await PromptAsync(call, verb, cancellationToken);
                return null;
            case "Gather":
                return await GatherAsync(call, document, verb, cancellationToken);
            case "Enqueue":
                return await EnqueueAsync(call, document, verb, cancellationToken);
            case "Dial":
                return await DialAsync(call, document, verb, cancellationToken);
            case "Record":
                return await RecordAsync(call, document, verb, cancellationToken);
            case "Redirect":
                var target = TwimlAttributes.Resolve(document.Url, verb.OwnText() is { Length: > 0 } url ? url : document.Url);
                call.Note(Time.GetUtcNow(), "redirect", target);
                return new Next.Fetch(target, verb.Text("method") ?? "POST", []);
            case "Hangup":
                call.Note(Time.GetUtcNow(), "hangup", "<Hangup>");
                return new Next.End(CallStatus.Completed);
            default:
                call.Note(Time.GetUtcNow(), "error", "<Leave> outside a queue's waitUrl is ignored");
                return null;
        }
    }

    private Next.End Reject(SimulatedCall call, XElement verb)
    {
        var busy = verb.Text("reason") == "busy";
        call.Note(Time.GetUtcNow(), "reject", busy ? "busy" : "rejected");
        if (call.AnsweredAt is not null)
        {
            return new Next.End(CallStatus.Completed);
        }

        // As Twilio documents it: busy for reason="busy", no-answer for the default reason="rejected".
        return new Next.End(busy ? CallStatus.Busy : CallStatus.NoAnswer);
    }

    private async Task PromptAsync(SimulatedCall call, XElement verb, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        switch (verb.Name.LocalName)
        {
            case "Say":
                call.Note(now, "say", verb.Value.Trim(), Details(("language", verb.Text("language")), ("voice", verb.Text("voice")), ("loop", verb.Text("loop"))));
                break;
            case "Play":
                call.Note(now, "play", verb.Value.Trim(), Details(("loop", verb.Text("loop")), ("digits", verb.Text("digits"))));
                break;
            default:
                var length = Math.Max(0, verb.Int("length", 1));
                call.Note(now, "pause", TimeSpan.FromSeconds(length).TotalSeconds + "s");
                await waits.PauseAsync(call, TimeSpan.FromSeconds(length), cancellationToken);
                break;
        }
    }

    private async Task AnswerAsync(SimulatedCall call, CancellationToken cancellationToken)
    {
        if (call.AnsweredAt is not null)
        {
            return;
        }

        call.AnsweredAt = Time.GetUtcNow();
        call.Status = CallStatus.InProgress;
        call.Note(call.AnsweredAt.Value, "answered", "in-progress");
        await reporter.ReportAsync(call, "answered", cancellationToken);
    }

    private async Task FinishAsync(SimulatedCall call, CallStatus status)
    {
        try
        {
            var now = Time.GetUtcNow();
            call.QueueName = null;
            call.MarkEnded(status, now);
            call.Note(now, "ended", CallStatuses.Names.ToWire(status), Details(("duration", TimeSpan.FromSeconds(call.DurationSeconds(now)).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            await reporter.ReportAsync(call, "completed", CancellationToken.None);
        }
        finally
        {
            call.Complete();
        }
    }

    private static Dictionary<string, string>? Details(params (string Name, string? Value)[] values)
    {
        var present = values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value!);
        return present.Count == 0 ? null : present;
    }

    private static Dictionary<string, string> Url(string url) => new() { ["url"] = url };
}
