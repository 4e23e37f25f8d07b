
namespace Ivr.Flows.Execution;

/// <summary>Wire names of <see cref="FlowEvent"/> in action URLs.</summary>
public static class EventNames
{
    private static readonly Dictionary<FlowEvent, string> Names = new()
    {
        [FlowEvent.Gathered] = "gathered",
        [FlowEvent.Recorded] = "recorded",
        [FlowEvent.Dialed] = "dialed",
        [FlowEvent.QueueLeft] = "queue-left",
        [FlowEvent.Hold] = "hold",
        [FlowEvent.HoldKey] = "hold-key",
        [FlowEvent.SmsReceived] = "sms",
    };

    private static readonly Dictionary<string, FlowEvent> Events = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToWire(FlowEvent flowEvent) => Names[flowEvent];

    public static bool TryParse(string? name, out FlowEvent flowEvent) => Events.TryGetValue(name ?? string.Empty, out flowEvent);
}
