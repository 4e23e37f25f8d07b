using System.Xml.Linq;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

internal sealed partial class TwimlExecutor
{
    private async Task<Next?> DialAsync(SimulatedCall call, TwimlDocument document, XElement verb, CancellationToken cancellationToken)
    {
        var noun = verb.Elements().FirstOrDefault();
        var kind = noun?.Name.LocalName ?? "Number";
        var target = noun?.OwnText() ?? verb.OwnText();
        var ringTimeout = TimeSpan.FromSeconds(Math.Clamp(verb.Int("timeout", 30), 5, 600));
        var timeLimit = TimeSpan.FromSeconds(Math.Max(1, verb.Int("timeLimit", 14400)));
        var hasAction = verb.Text("action") is not null;
        call.Note(Time.GetUtcNow(), "dial", target, Details(("noun", kind), ("callerId", verb.Text("callerId"))));

        // The leg is where the dialled party's progress is kept, so an interruption knows whether it was connected.
        var leg = new DialLeg(Sids.New("CA"), kind, FarEndAddress(kind, target), verb.Text("callerId"), noun is null ? null : Whisper(document, noun));
        DialCallStatus status;
        try
        {
            status = kind == "Queue"
                ? await DialQueueAsync(call, leg, target, cancellationToken)
                : await DialFarEndAsync(call, leg, ringTimeout, timeLimit, cancellationToken);
        }
        catch (CallInterruptedException ex) when (ex.Event.Kind is CallerEventKind.Hangup or CallerEventKind.Redirect)
        {
            // Twilio requests the action when the caller hangs up during a Dial, and when the call is redirected
            // through the REST API (its changelog of 24 May 2021, "Changes to <Dial> behavior"), and ignores the answer.
            var ended = leg.ConnectedAt is null ? DialCallStatus.Canceled : DialCallStatus.Completed;
            call.Note(Time.GetUtcNow(), "dial-result", WebhookNames.DialStatus.ToWire(ended), Details(("interrupted", ex.Event.Kind == CallerEventKind.Hangup ? "hangup" : "redirect")));
            if (ex.Event.Kind == CallerEventKind.Hangup)
            {
                // The action after a hangup tells of a call that is over.
                call.Status = CallStatus.Completed;
            }

            if (hasAction)
            {
                var notify = Action(document, verb, DialFields(ended, leg));
                await NotifyAsync(call, notify.Url, notify.Method, notify.Fields, cancellationToken);
            }

            throw;
        }

        call.Note(Time.GetUtcNow(), "dial-result", WebhookNames.DialStatus.ToWire(status));
        return hasAction ? Action(document, verb, DialFields(status, leg)) : null;
    }

    private async Task<DialCallStatus> DialQueueAsync(SimulatedCall call, DialLeg leg, string target, CancellationToken cancellationToken)
    {
        var caller = registry.TryClaimLongestWaiting(target);
        if (caller is null)
        {
            call.Note(Time.GetUtcNow(), "dial-result", "queue " + target + " is empty");
            return DialCallStatus.NoAnswer;
        }

        leg.Sid = caller.Sid;
        leg.ConnectedAt = Time.GetUtcNow();
        caller.Events.Writer.TryWrite(new CallerEvent(CallerEventKind.Bridge, Peer: call));
        call.Note(leg.ConnectedAt.Value, "connected", "bridged to " + caller.From, Details(("callSid", caller.Sid)));
        await waits.UntilAsync(call, caller.Completion, cancellationToken);
        return DialCallStatus.Completed;
    }

    /// <summary>
    /// A number, client or SIP address: rings as the far end is set to answer; once answered, the noun's whisper runs on
    /// the far end, then the parties talk until the far end hangs up (a client, the simulated agent, stays for
    /// <see cref="CarrierSimulatorOptions.AgentTalkTime"/>) or the caller's call is hung up or redirected.
    /// </summary>
    private async Task<DialCallStatus> DialFarEndAsync(
        SimulatedCall call, DialLeg leg, TimeSpan ringTimeout, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        switch (registry.FarEnd(leg.Address))
        {
            case FarEndAnswer.Busy:
                return DialCallStatus.Busy;
            case FarEndAnswer.Failed:
                return DialCallStatus.Failed;
            case FarEndAnswer.NoAnswer:
                await waits.PauseAsync(call, ringTimeout, cancellationToken);
                return DialCallStatus.NoAnswer;
        }

        if (leg.WhisperUrl is { } whisper && !await WhisperAsync(call, leg, whisper, cancellationToken))
        {
            return DialCallStatus.NoAnswer;
        }

        leg.ConnectedAt = Time.GetUtcNow();
        call.Note(leg.ConnectedAt.Value, "connected", leg.Address, Details(("noun", leg.Kind), ("callSid", leg.Sid)));
        var talkTime = leg.Kind == "Client" ? options.Value.AgentTalkTime : options.Value.FarEndTalkTime;
        await TalkAsync(call, leg, talkTime < timeLimit ? talkTime : timeLimit, cancellationToken);
        return DialCallStatus.Completed;
    }

    /// <summary>
    /// The parties talk for <paramref name="duration"/>, or until the dialled party hangs up (the phone API's
    /// <c>dial/hangup</c>): as on Twilio, the caller's call is not over then, it goes on with the Dial's action.
    /// </summary>
    private async Task TalkAsync(SimulatedCall call, DialLeg leg, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = Time.GetUtcNow() + duration;
        while (deadline - Time.GetUtcNow() is var remaining && remaining > TimeSpan.Zero)
        {
            var next = await waits.NextEventAsync(call, remaining, null, cancellationToken);
            if (next is null)
            {
                return;
            }

            if (next.Kind == CallerEventKind.DialedPartyHangup)
            {
                call.Note(Time.GetUtcNow(), "dial-hangup", "the dialled party hung up", Details(("callSid", leg.Sid)));
                return;
            }

            CallWaits.Keep(call, next);
        }
    }

    /// <summary>How the registry knows a dialled party: numbers and SIP addresses as written, clients as client:identity.</summary>
    private static string FarEndAddress(string kind, string target) =>
        kind == "Client" && !target.StartsWith("client:", StringComparison.Ordinal) ? "client:" + target : target;

    private static (string Url, string Method)? Whisper(TwimlDocument document, XElement noun) =>
        noun.Text("url") is { } url ? (TwimlAttributes.Resolve(document.Url, url), noun.Text("method") ?? "POST") : null;

    private IReadOnlyList<KeyValuePair<string, string>> DialFields(DialCallStatus status, DialLeg leg) =>
        new DialResult
        {
            CallSid = string.Empty,
            DialCallStatus = status,
            DialCallSid = leg.Sid,
            DialCallDuration = leg.ConnectedAt is { } at ? (int)Math.Ceiling((Time.GetUtcNow() - at).TotalSeconds) : 0,
        }.ToForm();
}

/// <summary>The dialled party's call: its SID, noun, address, the caller ID shown to it, the whisper to run when it answers, and when it was connected.</summary>
internal sealed class DialLeg(string sid, string kind, string address, string? callerId, (string Url, string Method)? whisperUrl)
{
    public string Sid { get; set; } = sid;

    public string Kind { get; } = kind;

    public string Address { get; } = address;

    public string? CallerId { get; } = callerId;

    public (string Url, string Method)? WhisperUrl { get; } = whisperUrl;

    public DateTimeOffset? ConnectedAt { get; set; }
}
