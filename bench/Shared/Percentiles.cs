using System.Globalization;

namespace Bench.Shared;

/// <summary>Latency figures of a run, nearest-rank percentiles.</summary>
internal static class Percentiles
{
    /// <summary>p50, p90, p99, max and mean in milliseconds, with <paramref name="decimals"/> places (sub-millisecond figures need 2).</summary>
    public static string Report(string what, IReadOnlyCollection<double> milliseconds, int decimals = 2)
    {
        if (milliseconds.Count == 0)
        {
            return what + ": no samples";
        }

        var sorted = milliseconds.Order().ToArray();
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        string Ms(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        return $"{what} ({sorted.Length} samples), ms: p50 {Ms(At(sorted, 50))}  p90 {Ms(At(sorted, 90))}  p99 {Ms(At(sorted, 99))}  max {Ms(sorted[^1])}  mean {Ms(sorted.Average())}";
    }

    public static double At(IReadOnlyList<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
