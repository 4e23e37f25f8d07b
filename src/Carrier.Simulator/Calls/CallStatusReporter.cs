using Carrier.Simulator.Hub;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

/// <summary>
/// Sends a call's status callbacks as Twilio does: only the events asked for (completed always), each with the
/// next SequenceNumber, a Timestamp, CallbackSource=call-progress-events and, on the final one, CallDuration.
/// </summary>
internal sealed class CallStatusReporter(HubWebhookClient hub, StatusCallbackDrop drop, TimeProvider time)
{
    public const string ApiVersion = "2010-04-01";

    public async Task ReportAsync(SimulatedCall call, string eventName, CancellationToken cancellationToken)
    {
        var isFinal = eventName == "completed";
        if (call.StatusCallback is null || (!isFinal && !call.StatusCallbackEvents.Contains(eventName)))
        {
            return;
        }

        var now = time.GetUtcNow();
        var status = call.Status;
        if (isFinal && drop.DropFinal)
        {
            call.Note(now, "status-callback-dropped", CallStatuses.Names.ToWire(status), new Dictionary<string, string> { ["url"] = call.StatusCallback });
            return;
        }

        var sequence = call.NextSequenceNumber();
        var fields = new List<KeyValuePair<string, string>>(new CallStatusCallback
        {
            CallSid = call.Sid,
            AccountSid = call.AccountSid,
            CallStatus = status,
            From = call.From,
            To = call.To,
            Direction = call.Direction,
            CallDuration = isFinal ? call.DurationSeconds(now) : null,
            Timestamp = now,
            CallbackSource = "call-progress-events",
            SequenceNumber = sequence,
        }.ToForm())
        {
            new("ApiVersion", ApiVersion),
            new("Caller", call.From),
            new("Called", call.To),
        };
        if (call.AnsweredBy is { } answeredBy)
        {
            fields.Add(new("AnsweredBy", answeredBy));
        }

        var details = new Dictionary<string, string>
        {
            ["sequenceNumber"] = TwimlAttributes.Seconds(sequence),
            ["url"] = call.StatusCallback,
        };
        try
        {
            var response = await hub.SendAsync(call.StatusCallback, call.StatusCallbackMethod, fields, cancellationToken);
            details["hubStatus"] = TwimlAttributes.Seconds(response.Status);
        }
        catch (HttpRequestException ex)
        {
            details["error"] = "11200 HTTP retrieval failure: " + ex.Message;
        }

        call.Note(now, "status-callback", CallStatuses.Names.ToWire(status), details);
    }
}
