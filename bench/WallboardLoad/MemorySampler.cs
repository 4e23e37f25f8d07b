namespace WallboardLoad;

/// <summary>The hub's resident memory once a second while the run lasts (Linux /proc; nothing without --hub-pid).</summary>
internal sealed class MemorySampler(int? pid)
{
    private readonly List<long> _samplesKiB = [];

    public long? StartKiB { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (pid is not { } hub)
        {
            return;
        }

        StartKiB = ProcessMemory.Read(hub).CurrentKiB;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (ProcessMemory.Read(hub).CurrentKiB is { } now)
                {
                    lock (_samplesKiB)
                    {
                        _samplesKiB.Add(now);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public string Report()
    {
        if (pid is not { } hub)
        {
            return "hub memory: not measured (no --hub-pid)";
        }

        lock (_samplesKiB)
        {
            var (peak, current) = ProcessMemory.Read(hub);
            var max = _samplesKiB.Count > 0 ? _samplesKiB.Max() : 0;
            return $"hub RSS: at start {Mb(StartKiB)} MB, highest sampled {Mb(max)} MB, peak (VmHWM) {Mb(peak)} MB, now {Mb(current)} MB ({_samplesKiB.Count} samples)";
        }
    }

    private static string Mb(long? kiB) => kiB is { } k ? (k / 1024.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "?";
}
