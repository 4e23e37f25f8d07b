using System.Diagnostics;
using System.Globalization;
using WebhookLoad;

var options = LoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) }; // Twilio's own limit for a webhook.
var sender = new VoiceWebhookSender(client, options);
var culture = CultureInfo.InvariantCulture;
if (options.Scenario == "ivr-call")
{
    return await IvrLoad.RunAsync(new IvrCallSender(client, options), options, culture);
}

Console.WriteLine(string.Create(culture, $"Target {options.Url}/twilio/voice: {options.Warmup} warm-up, then {options.Requests} requests, {options.Concurrency} concurrent"));
if (options.Pid is { } hubPid)
{
    var (peakBefore, currentBefore) = ProcessMemory.Read(hubPid);
    Console.WriteLine(string.Create(culture, $"Hub RSS before: {Mib(currentBefore)} (peak so far {Mib(peakBefore)})"));
}

var warmup = await LoadRun.RunAsync(sender, options.Warmup, options.Concurrency);
var warmupErrors = warmup.Samples.Count(s => !s.Ok);
Console.WriteLine(string.Create(culture, $"Warm-up: {warmup.Samples.Count} requests, {warmupErrors} errors"));

var run = await LoadRun.RunAsync(sender, options.Requests, options.Concurrency);
Console.WriteLine(run.Report(culture));

if (options.Pid is { } pid)
{
    var (peak, current) = ProcessMemory.Read(pid);
    Console.WriteLine(string.Create(culture, $"Hub RSS after: {Mib(current)}; peak RSS over its life (VmHWM): {Mib(peak)}"));
}

return run.Samples.All(s => s.Ok) ? 0 : 1;

static string Mib(long? kib) => kib is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:F1} MiB") : "n/a (no such process)";

/// <summary>A fixed number of requests spread over N workers; the wall clock covers the whole batch.</summary>
internal sealed record LoadRun(IReadOnlyList<Sample> Samples, TimeSpan Wall)
{
    public static async Task<LoadRun> RunAsync(VoiceWebhookSender sender, int count, int concurrency)
    {
        var samples = new Sample[count];
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, Math.Max(count, 1))).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                samples[index] = await sender.SendAsync(CancellationToken.None);
            }
        });
        await Task.WhenAll(workers);
        wall.Stop();
        return new LoadRun(samples, wall.Elapsed);
    }

    public string Report(IFormatProvider culture)
    {
        if (Samples.Count == 0)
        {
            return "No requests.";
        }

        var sorted = Samples.Select(s => s.Elapsed.TotalMilliseconds).Order().ToArray();
        var errors = Samples.Where(s => !s.Ok).GroupBy(s => s.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(culture, $"{g.Key}: {g.Count()}"));
        var errorCount = Samples.Count(s => !s.Ok);
        return string.Join(Environment.NewLine,
            string.Create(culture, $"Requests: {Samples.Count} in {Wall.TotalSeconds:F2} s = {Samples.Count / Wall.TotalSeconds:F1} requests/s (completed requests / wall time)"),
            string.Create(culture, $"Latency per request (send to body read), ms: p50 {Percentile(sorted, 50):F2}  p90 {Percentile(sorted, 90):F2}  p99 {Percentile(sorted, 99):F2}  max {sorted[^1]:F2}  mean {sorted.Average():F2}"),
            string.Create(culture, $"Errors (not 200 xml with <Response>): {errorCount}{(errorCount == 0 ? string.Empty : " (" + string.Join(", ", errors) + ")")}"));
    }

    // Nearest-rank percentile: the smallest sample with at least p% of samples at or below it.
    private static double Percentile(double[] sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
