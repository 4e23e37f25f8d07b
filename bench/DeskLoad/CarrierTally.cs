using System.Globalization;
using System.Text.Json;

namespace DeskLoad;

/// <summary>
/// What the carrier saw of the callbacks: per callback, the calls the simulator placed to its number (its Calls list),
/// set against the callback's attempts as the hub reports them. Dialled once: one call and one attempt. Retried by the
/// rules: as many calls as attempts (a refused create counts an attempt without a call), not yet done or done at a later attempt. Dialled
/// twice: more calls than attempts, or two answered. Left behind: neither over nor waiting for its retry.
/// </summary>
internal sealed class CarrierTally
{
    private readonly List<double> _dueToDial = [];
    private DateTimeOffset? _firstDial;
    private DateTimeOffset? _lastDial;

    public int Once { get; private set; }
    public int Retried { get; private set; }
    public int Twice { get; private set; }
    public int LeftBehind { get; private set; }
    public int Calls { get; private set; }

    /// <summary>Time from due to the first call at the carrier, in milliseconds, one sample per dialled callback.</summary>
    public IReadOnlyCollection<double> DueToDial => _dueToDial;

    public void Add(JsonElement callback, DateTimeOffset due, IReadOnlyList<JsonElement> placed)
    {
        var attempts = callback.GetProperty("attempts").GetInt32();
        var status = callback.GetProperty("status").GetString();
        var answered = placed.Count(c => c.GetProperty("status").GetString() == "completed");
        Calls += placed.Count;
        if (placed.Count > attempts || answered > 1)
        {
            Twice++;
        }
        else if (status is not ("done" or "failed" or "scheduled") || attempts == 0)
        {
            // Not over, and not waiting for a retry: still queued, offered, assigned, dialling, or never dialled.
            LeftBehind++;
        }
        else if (status == "done" && attempts == 1 && placed.Count == 1)
        {
            Once++;
        }
        else
        {
            // Due again after a failed attempt, failed after the last, or done at a later attempt (a carrier refusal
            // counts an attempt without a call).
            Retried++;
        }

        if (placed.Count == 0)
        {
            return;
        }

        var dialled = placed.Select(c => c.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        _dueToDial.Add((dialled.Min() - due).TotalMilliseconds);
        _firstDial = _firstDial is { } first && first < dialled.Min() ? first : dialled.Min();
        _lastDial = _lastDial is { } last && last > dialled.Max() ? last : dialled.Max();
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"at the carrier: {Calls} calls; dialled exactly once {Once}; retried by the rules {Retried}; dialled twice {Twice}; left behind {LeftBehind}; "
        + $"dials/s (first to last call) {(_lastDial - _firstDial is { TotalSeconds: > 0 } span ? Calls / span.TotalSeconds : 0):F1} over {(_lastDial - _firstDial)?.TotalSeconds ?? 0:F0} s");

    public bool Clean => Twice == 0 && LeftBehind == 0;
}
