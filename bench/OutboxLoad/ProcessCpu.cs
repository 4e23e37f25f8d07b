using System.Globalization;

namespace OutboxLoad;

/// <summary>CPU time a process has used so far (user + system), from Linux's /proc/PID/stat, in seconds.</summary>
internal static class ProcessCpu
{
    public static double? Seconds(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        // After the command name in parentheses: state is field 3, utime 14 and stime 15 (clock ticks, 100 a second).
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
