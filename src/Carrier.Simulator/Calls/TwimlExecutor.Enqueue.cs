using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

internal sealed partial class TwimlExecutor
{
    private async Task<Next?> EnqueueAsync(SimulatedCall call, TwimlDocument document, XElement verb, CancellationToken cancellationToken)
    {
        var queueName = verb.OwnText() is { Length: > 0 } name ? name : verb.Text("workflowSid") ?? "default";
        var queueSid = QueueSid(queueName);
        var waitUrl = verb.Text("waitUrl") is { } wait ? TwimlAttributes.Resolve(document.Url, wait) : null;
        var waitMethod = verb.Text("waitUrlMethod") ?? "POST";
        var action = verb.Text("action") is not null;
        var enqueuedAt = Time.GetUtcNow();
        call.EnqueuedAt = enqueuedAt;
        call.QueueName = queueName;
        call.Note(enqueuedAt, "enqueue", queueName);

        QueueResult result;
        try
        {
            result = await HoldAsync(call, queueName, queueSid, waitUrl, waitMethod, cancellationToken);
        }
        catch (CallInterruptedException ex) when (ex.Event is { Kind: CallerEventKind.Bridge, Peer: { } agent })
        {
            call.QueueName = null;
            call.Note(Time.GetUtcNow(), "bridged", "connected to " + agent.To, Details(("callSid", agent.Sid)));
            try
            {
                await waits.UntilAsync(call, agent.Completion, cancellationToken);
            }
            catch (CallInterruptedException hangup) when (hangup.Event.Kind == CallerEventKind.Hangup)
            {
                await NotifyActionAsync(call, document, verb, action, QueueResult.Bridged, queueSid, enqueuedAt, cancellationToken);
                throw;
            }

            result = QueueResult.Bridged;
        }
        catch (CallInterruptedException ex) when (ex.Event.Kind == CallerEventKind.Hangup)
        {
            call.QueueName = null;
            await NotifyActionAsync(call, document, verb, action, QueueResult.Hangup, queueSid, enqueuedAt, cancellationToken);
            throw;
        }
        finally
        {
            call.QueueName = null;
        }

        call.Note(Time.GetUtcNow(), "dequeued", WebhookNames.QueueResult.ToWire(result));
        return action ? Action(document, verb, QueueFields(result, queueSid, enqueuedAt)) : null;
    }

    /// <summary>Plays the waitUrl's TwiML over and over until the caller is bridged, hangs up or is told to leave.</summary>
    private async Task<QueueResult> HoldAsync(
        SimulatedCall call, string queueName, string queueSid, string? waitUrl, string waitMethod, CancellationToken cancellationToken)
    {
        while (true)
        {
            var url = waitUrl;
            Next.Fetch? gathered = null;
            while (url is not null || gathered is not null)
            {
                // Twilio allows <Gather> in a waitUrl document: a key pressed requests its action, whose TwiML runs in
                // line like the waitUrl's (so it may say something and <Leave>).
                var document = gathered is not null
                    ? await FetchAsync(call, gathered.Url, gathered.Method, [.. WaitFields(call, queueName, queueSid), .. gathered.Fields], cancellationToken)
                    : await FetchAsync(call, url!, waitMethod, WaitFields(call, queueName, queueSid), cancellationToken);
                url = null;
                gathered = null;
                foreach (var verb in document?.Root.Elements() ?? [])
                {
                    CallWaits.ThrowIfInterrupted(call);
                    switch (verb.Name.LocalName)
                    {
                        case "Say" or "Play" or "Pause":
                            await PromptAsync(call, verb, cancellationToken);
                            break;
                        case "Gather":
                            gathered = await GatherAsync(call, document!, verb, cancellationToken) as Next.Fetch;
                            break;
                        case "Leave":
                            call.Note(Time.GetUtcNow(), "leave", queueName);
                            return QueueResult.Leave;
                        case "Hangup":
                            throw new CallInterruptedException(new CallerEvent(CallerEventKind.Hangup, "<Hangup> in waitUrl"));
                        case "Redirect":
                            url = TwimlAttributes.Resolve(document!.Url, verb.OwnText());
                            break;
                        default:
                            call.Note(Time.GetUtcNow(), "error", "<" + verb.Name.LocalName + "> is not allowed in a waitUrl document");
                            break;
                    }

                    if (url is not null || gathered is not null)
                    {
                        break;
                    }
                }
            }

            // Hold music takes time on a real call; here the wait between two waitUrl requests is explicit.
            await waits.PauseAsync(call, options.Value.QueuePollInterval, cancellationToken);
        }
    }

    private List<KeyValuePair<string, string>> WaitFields(SimulatedCall call, string queueName, string queueSid)
    {
        var waiting = registry.InQueue(queueName);
        var now = Time.GetUtcNow();
        var position = waiting.ToList().FindIndex(c => c.Sid == call.Sid) + 1;
        return [.. new EnqueueWait
        {
            CallSid = call.Sid,
            QueuePosition = Math.Max(1, position),
            QueueSid = queueSid,
            QueueTime = (int)(now - (call.EnqueuedAt ?? now)).TotalSeconds,
            AvgQueueTime = waiting.Count == 0 ? 0 : (int)waiting.Average(c => (now - (c.EnqueuedAt ?? now)).TotalSeconds),
            CurrentQueueSize = waiting.Count,
        }.ToForm()];
    }

    private async Task NotifyActionAsync(
        SimulatedCall call, TwimlDocument document, XElement verb, bool hasAction, QueueResult result, string queueSid, DateTimeOffset enqueuedAt, CancellationToken cancellationToken)
    {
        call.Note(Time.GetUtcNow(), "dequeued", WebhookNames.QueueResult.ToWire(result));
        if (hasAction)
        {
            var action = Action(document, verb, QueueFields(result, queueSid, enqueuedAt));
            await NotifyAsync(call, action.Url, action.Method, action.Fields, cancellationToken);
        }
    }

    private IReadOnlyList<KeyValuePair<string, string>> QueueFields(QueueResult result, string queueSid, DateTimeOffset enqueuedAt) =>
        new EnqueueResult
        {
            CallSid = string.Empty,
            QueueResult = result,
            QueueSid = queueSid,
            QueueTime = (int)(Time.GetUtcNow() - enqueuedAt).TotalSeconds,
        }.ToForm();

    /// <summary>One queue SID per queue name, as Twilio keeps a queue once it exists.</summary>
    private static string QueueSid(string queueName) =>
        "QU" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queueName)))[..32];
}
