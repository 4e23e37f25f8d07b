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

        var dialSid = Sids.New("CA");
        DateTimeOffset? connectedAt = null;
        DialCallStatus status;
        try
        {
            if (kind == "Queue")
            {
                var caller = registry.TryClaimLongestWaiting(target);
                if (caller is null)
                {
                    call.Note(Time.GetUtcNow(), "dial-result", "queue " + target + " is empty");
                    status = DialCallStatus.NoAnswer;
                }
                else
                {
                    dialSid = caller.Sid;
                    connectedAt = Time.GetUtcNow();
                    caller.Events.Writer.TryWrite(new CallerEvent(CallerEventKind.Bridge, Peer: call));
                    call.Note(connectedAt.Value, "connected", "bridged to " + caller.From, Details(("callSid", caller.Sid)));
                    await waits.UntilAsync(call, caller.Completion, cancellationToken);
                    status = DialCallStatus.Completed;
                }
            }
            else
            {
                var answer = kind == "Number" ? registry.FarEnd(target) : FarEndAnswer.Answer;
                switch (answer)
                {
                    case FarEndAnswer.Busy:
                        status = DialCallStatus.Busy;
                        break;
                    case FarEndAnswer.Failed:
                        status = DialCallStatus.Failed;
                        break;
                    case FarEndAnswer.NoAnswer:
                        await waits.PauseAsync(call, ringTimeout, cancellationToken);
                        status = DialCallStatus.NoAnswer;
                        break;
                    default:
                        connectedAt = Time.GetUtcNow();
                        call.Note(connectedAt.Value, "connected", target);
                        var talk = options.Value.FarEndTalkTime < timeLimit ? options.Value.FarEndTalkTime : timeLimit;
                        await waits.PauseAsync(call, talk, cancellationToken);
                        status = DialCallStatus.Completed;
                        break;
                }
            }
        }
        catch (CallInterruptedException ex) when (ex.Event.Kind == CallerEventKind.Hangup)
        {
            // Twilio still requests the action when the caller hangs up during a Dial, and ignores the answer.
            var ended = connectedAt is null ? DialCallStatus.Canceled : DialCallStatus.Completed;
            if (hasAction)
            {
                var notify = Action(document, verb, DialFields(ended, dialSid, connectedAt));
                await NotifyAsync(call, notify.Url, notify.Method, notify.Fields, cancellationToken);
            }

            throw;
        }

        call.Note(Time.GetUtcNow(), "dial-result", WebhookNames.DialStatus.ToWire(status));
        return hasAction ? Action(document, verb, DialFields(status, dialSid, connectedAt)) : null;
    }

    private IReadOnlyList<KeyValuePair<string, string>> DialFields(DialCallStatus status, string dialSid, DateTimeOffset? connectedAt) =>
        new DialResult
        {
            CallSid = string.Empty,
            DialCallStatus = status,
            DialCallSid = dialSid,
            DialCallDuration = connectedAt is { } at ? (int)Math.Ceiling((Time.GetUtcNow() - at).TotalSeconds) : 0,
        }.ToForm();
}
