using System.Diagnostics;
using System.Globalization;

namespace WebhookLoad;

/// <summary>The <c>ivr-call</c> scenario: <c>--requests</c> whole calls, <c>--concurrency</c> at a time; every webhook timed.</summary>
internal static class IvrLoad
{
    public static async Task<int> RunAsync(IvrCallSender sender, LoadOptions options, IFormatProvider culture)
    {
        Console.WriteLine(string.Create(culture, $"Target {options.Url}: {options.Warmup} warm-up calls, then {options.Requests} calls through the IVR, {options.Concurrency} concurrent"));
        await RunCallsAsync(sender, options.Warmup, options.Concurrency);
        var wall = Stopwatch.StartNew();
        var samples = await RunCallsAsync(sender, options.Requests, options.Concurrency);
        wall.Stop();
        Console.WriteLine(new LoadRun(samples, wall.Elapsed).Report(culture));
        Console.WriteLine(string.Create(culture, $"Webhooks per call: {samples.Count / (double)Math.Max(1, options.Requests):F1} (at most {IvrCallSender.MaxWebhooksPerCall})"));
        if (options.Pid is { } pid)
        {
            var (peak, current) = ProcessMemory.Read(pid);
            Console.WriteLine(string.Create(culture, $"Hub RSS after: {Mib(current)}; peak RSS over its life (VmHWM): {Mib(peak)}"));
        }

        return samples.All(s => s.Ok) ? 0 : 1;
    }

    private static async Task<List<Sample>> RunCallsAsync(IvrCallSender sender, int calls, int concurrency)
    {
        var samples = new List<Sample>();
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(concurrency, Math.Max(calls, 1))).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                var call = await sender.CallAsync(CancellationToken.None);
                lock (samples)
                {
                    samples.AddRange(call);
                }
            }
        });
        await Task.WhenAll(workers);
        return samples;
    }

    private static string Mib(long? kib) => kib is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:F1} MiB") : "n/a";
}
