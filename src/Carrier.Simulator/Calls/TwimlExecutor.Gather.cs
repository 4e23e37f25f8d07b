using System.Text;
using System.Xml.Linq;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

internal sealed partial class TwimlExecutor
{
    /// <summary>Speech recognised by the simulator is always this sure.</summary>
    private const double SpeechConfidence = 0.9;

    private async Task<Next?> GatherAsync(SimulatedCall call, TwimlDocument document, XElement verb, CancellationToken cancellationToken)
    {
        var input = verb.Text("input") ?? "dtmf";
        var dtmf = input.Contains("dtmf", StringComparison.OrdinalIgnoreCase);
        var speech = input.Contains("speech", StringComparison.OrdinalIgnoreCase);
        var numDigits = verb.Int("numDigits");
        var finishOnKey = verb.Attribute("finishOnKey")?.Value ?? "#";
        var timeout = TimeSpan.FromSeconds(Math.Max(1, verb.Int("timeout", 5)));
        call.Note(Time.GetUtcNow(), "gather", "waiting for " + input, Details(
            ("numDigits", verb.Text("numDigits")), ("finishOnKey", finishOnKey), ("timeout", timeout.TotalSeconds + "s"), ("language", verb.Text("language"))));

        foreach (var prompt in verb.Elements().Where(e => e.Name.LocalName is "Say" or "Play" or "Pause"))
        {
            // Barge-in: input given during the prompts stops them.
            if (call.PendingDigits.Length > 0 || call.PendingSpeech.Count > 0)
            {
                break;
            }

            await PromptAsync(call, prompt, cancellationToken);
        }

        var digits = new StringBuilder();
        string? speechResult = null;
        var finishedOnKey = false;
        while (true)
        {
            if (!dtmf)
            {
                call.PendingDigits.Clear();
            }

            while (call.PendingDigits.Length > 0 && !finishedOnKey && (numDigits is null || digits.Length < numDigits))
            {
                var key = call.PendingDigits[0];
                call.PendingDigits.Remove(0, 1);
                if (finishOnKey.Length > 0 && key == finishOnKey[0])
                {
                    finishedOnKey = true;
                }
                else
                {
                    digits.Append(key);
                }
            }

            if (speech && call.PendingSpeech.Count > 0)
            {
                speechResult = call.PendingSpeech.Dequeue();
            }

            if (finishedOnKey || speechResult is not null || (numDigits is { } wanted && digits.Length >= wanted))
            {
                break;
            }

            var next = await waits.InputAsync(call, timeout, cancellationToken);
            if (next is null)
            {
                break;
            }

            if (next.Kind == CallerEventKind.Digits)
            {
                call.PendingDigits.Append(next.Text);
            }
            else if (speech)
            {
                call.PendingSpeech.Enqueue(next.Text ?? string.Empty);
            }
        }

        if (digits.Length == 0 && speechResult is null)
        {
            call.Note(Time.GetUtcNow(), "gather-timeout", "no input");
            return verb.Bool("actionOnEmptyResult") ? Action(document, verb, [new("Digits", string.Empty)]) : null;
        }

        var fields = new List<KeyValuePair<string, string>>();
        if (speechResult is not null)
        {
            call.Note(Time.GetUtcNow(), "gathered", speechResult, Details(("input", "speech")));
            fields.Add(new("SpeechResult", speechResult));
            fields.AddRange(new GatherResult { CallSid = call.Sid, Confidence = SpeechConfidence }.ToForm().Where(f => f.Key == "Confidence"));
        }
        else
        {
            call.Note(Time.GetUtcNow(), "gathered", digits.ToString(), Details(("input", "dtmf")));
            fields.Add(new("Digits", digits.ToString()));
            fields.Add(new("FinishedOnKey", finishedOnKey ? finishOnKey[..1] : string.Empty));
        }

        return Action(document, verb, fields);
    }
}
