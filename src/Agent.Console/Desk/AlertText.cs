using System.Globalization;
using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>The line a supervisor's console shows for a wallboard alert.</summary>
internal static class AlertText
{
    public static string Line(DeskAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var (what, unit) = alert.Metric switch
        {
            "longest-wait" => ("longest wait", "s"),
            "service-level" => ("service level", "%"),
            _ => ("calls waiting", ""),
        };
        var value = alert.Value.ToString("0.#", CultureInfo.InvariantCulture) + unit;
        return alert.Level == "normal"
            ? $"Alert cleared: {alert.QueueDisplayName} {what} back to normal ({value})."
            : $"ALERT {alert.Level.ToUpperInvariant()}: {alert.QueueDisplayName} {what} {value}"
              + (alert.Threshold is { } t ? $" (threshold {t.ToString("0.#", CultureInfo.InvariantCulture)}{unit})." : ".");
    }
}
