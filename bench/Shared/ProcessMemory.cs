using System.Globalization;

namespace Bench.Shared;

/// <summary>Resident memory of another process, from Linux's /proc/PID/status (VmHWM = peak RSS, VmRSS = now).</summary>
internal static class ProcessMemory
{
    public static (long? PeakKiB, long? CurrentKiB) Read(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return (null, null);
        }

        long? peak = null;
        long? current = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = KiB(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = KiB(line);
            }
        }

        return (peak, current);
    }

    // "VmHWM:	  123456 kB"
    private static long? KiB(string line)
    {
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
