using System.Xml.Linq;

namespace Carrier.Simulator.Calls;

internal sealed partial class TwimlExecutor
{
    private async Task<Next?> RecordAsync(SimulatedCall call, TwimlDocument document, XElement verb, CancellationToken cancellationToken)
    {
        var maxLength = TimeSpan.FromSeconds(Math.Max(1, verb.Int("maxLength", 3600)));
        var silence = TimeSpan.FromSeconds(Math.Max(1, verb.Int("timeout", 5)));
        var finishOnKey = verb.Attribute("finishOnKey")?.Value ?? "1234567890*#";
        var started = Time.GetUtcNow();
        call.Note(started, "record", "recording" + (verb.Attribute("playBeep")?.Value == "false" ? string.Empty : " (beep)"));

        var words = new List<string>();
        string? finishedBy = null;
        try
        {
            while (started + maxLength - Time.GetUtcNow() is var left && left > TimeSpan.Zero)
            {
                var next = await waits.InputAsync(call, left < silence ? left : silence, cancellationToken);
                if (next is null)
                {
                    break;
                }

                if (next.Kind == CallerEventKind.Speech)
                {
                    words.Add(next.Text ?? string.Empty);
                }
                else if (next.Text?.FirstOrDefault(finishOnKey.Contains) is { } key and not '\0')
                {
                    finishedBy = key.ToString();
                    break;
                }
            }
        }
        catch (CallInterruptedException ex) when (ex.Event.Kind == CallerEventKind.Hangup)
        {
            // The recording so far is kept and its action requested (its answer is ignored: the call is over).
            var notify = Action(document, verb, Recording(call, words, started, "hangup"));
            await NotifyAsync(call, notify.Url, notify.Method, notify.Fields, cancellationToken);
            throw;
        }

        if (words.Count == 0 && finishedBy is null)
        {
            // Twilio skips the action when nothing was recorded and goes on with the next verb.
            call.Note(Time.GetUtcNow(), "record-empty", "nothing recorded");
            return null;
        }

        return Action(document, verb, Recording(call, words, started, finishedBy));
    }

    private List<KeyValuePair<string, string>> Recording(SimulatedCall call, List<string> words, DateTimeOffset started, string? digits)
    {
        var recordingSid = Sids.New("RE");
        var url = twilio.Value.ApiBaseUrl.TrimEnd('/') + "/2010-04-01/Accounts/" + call.AccountSid + "/Recordings/" + recordingSid;
        var duration = TwimlAttributes.Seconds((int)Math.Ceiling((Time.GetUtcNow() - started).TotalSeconds));
        call.Note(Time.GetUtcNow(), "recorded", string.Join(' ', words), new Dictionary<string, string> { ["recordingUrl"] = url, ["duration"] = duration });
        var fields = new List<KeyValuePair<string, string>>
        {
            new("RecordingUrl", url),
            new("RecordingSid", recordingSid),
            new("RecordingDuration", duration),
        };
        if (digits is not null)
        {
            fields.Add(new("Digits", digits));
        }

        return fields;
    }
}
