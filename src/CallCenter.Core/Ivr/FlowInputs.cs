using System.Globalization;
using Ivr.Flows.Execution;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Ivr;

/// <summary>
/// A flow webhook's query string and form as the engine's input. Lenient by design: a missing or garbled field is
/// null (the step treats it as no answer), never an error, because the caller must always hear something.
/// </summary>
public static class FlowInputs
{
    // Twilio's fields are short; anything longer is garbage and is cut, not stored whole in the session.
    private const int MaxFieldLength = 2000;

    public static FlowInput? Voice(string? eventName, string? step, string? turn, TwilioForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!FlowLinks.TryParse(eventName, step, turn, out var flowEvent, out var stepId, out var turnNumber))
        {
            return null;
        }

        return new FlowInput
        {
            Event = flowEvent,
            Step = stepId,
            Turn = turnNumber,
            Digits = Text(form["Digits"]),
            SpeechResult = Text(form["SpeechResult"]),
            RecordingUrl = Text(form["RecordingUrl"]),
            RecordingDurationSeconds = Number(form["RecordingDuration"]),
            DialCallStatus = Text(form["DialCallStatus"]),
            QueueResult = Text(form["QueueResult"]),
            QueuePosition = Number(form["QueuePosition"]),
            QueueTimeSeconds = Number(form["QueueTime"]),
            Sid = Text(form["CallSid"]),
        };
    }

    public static FlowInput Sms(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new FlowInput { Event = FlowEvent.SmsReceived, Body = message.Body, Sid = message.MessageSid };
    }

    private static string? Text(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Length > MaxFieldLength ? value[..MaxFieldLength] : value;

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 ? number : null;
}
