using System.Globalization;

namespace Ivr.Flows.Execution;

/// <summary>
/// The hub's flow webhook URLs, so the engine can render action URLs without knowing the web host. Every action URL
/// names the step, the turn and the event; the hub parses them back with <see cref="TryParse"/>.
/// </summary>
/// <param name="VoiceUrl">Absolute URL of the voice flow webhook, e.g. https://hub.example/twilio/voice/flow.</param>
/// <param name="SmsUrl">Absolute URL of the SMS flow webhook (unused by TwiML today; kept for symmetry).</param>
public sealed record FlowLinks(string VoiceUrl, string? SmsUrl = null)
{
    public const string StepParameter = "step";
    public const string TurnParameter = "turn";
    public const string EventParameter = "event";

    public string Action(string step, int? turn, FlowEvent flowEvent)
    {
        var url = $"{VoiceUrl}?{EventParameter}={EventNames.ToWire(flowEvent)}&{StepParameter}={Uri.EscapeDataString(step)}";
        return turn is { } t ? url + $"&{TurnParameter}={t.ToString(CultureInfo.InvariantCulture)}" : url;
    }

    /// <summary>Reads event, step and turn from a query string's values; false when the event is missing or unknown.</summary>
    public static bool TryParse(string? eventName, string? step, string? turn, out FlowEvent flowEvent, out string? stepId, out int? turnNumber)
    {
        stepId = string.IsNullOrWhiteSpace(step) ? null : step;
        turnNumber = int.TryParse(turn, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        return EventNames.TryParse(eventName, out flowEvent);
    }
}
