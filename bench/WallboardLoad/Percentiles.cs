using System.Globalization;

namespace WallboardLoad;

/// <summary>Latency figures of a run, nearest-rank percentiles.</summary>
internal static class Percentiles
{
    public static string Report(string what, IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return what + ": no samples";
        }

        var sorted = milliseconds.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} ({sorted.Length} samples), ms: p50 {At(sorted, 50):F0}  p90 {At(sorted, 90):F0}  p99 {At(sorted, 99):F0}  max {sorted[^1]:F0}  mean {sorted.Average():F0}");
    }

    public static double At(IReadOnlyList<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
