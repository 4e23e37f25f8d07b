using System.Globalization;

namespace DeskLoad;

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
            $"{what} ({sorted.Length} samples), ms: p50 {At(sorted, 50):F2}  p90 {At(sorted, 90):F2}  p99 {At(sorted, 99):F2}  max {sorted[^1]:F2}  mean {sorted.Average():F2}");
    }

    private static double At(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
