using System.Diagnostics;
using System.Globalization;
using WallboardLoad;

var options = WallboardLoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.InFlight + 8 }) { Timeout = TimeSpan.FromSeconds(60) };
Console.WriteLine($"load average at start: {LoadAverage()}");

var token = await new BoardSetup(client, options).WallboardTokenAsync(cancel.Token);
var memory = new MemorySampler(options.HubPid);
using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
var sampling = memory.RunAsync(stopSampling.Token);

var boards = new List<Board>(options.Boards);
var connecting = Stopwatch.StartNew();
foreach (var batch in Enumerable.Range(0, options.Boards).Chunk(50))
{
    boards.AddRange(await Task.WhenAll(batch.Select(_ => Board.ConnectAsync(options.Url, token, cancel.Token))));
    Console.WriteLine($"boards connected: {boards.Count}/{options.Boards}");
}

Console.WriteLine($"{boards.Count} boards connected in {connecting.Elapsed.TotalSeconds:F1} s");
await Task.Delay(TimeSpan.FromSeconds(3), cancel.Token);
Console.WriteLine($"every board got its snapshot on connect: {boards.All(b => b.Pushes > 0)}");

Console.WriteLine($"events: {options.Rate}/s for {options.Seconds} s ({options.Rate / 2} calls/s entering, each hung up after {options.HoldMilliseconds} ms)");
var run = new EventRun(new SignedWebhooks(client, options), options);
var elapsed = await run.RunAsync(cancel.Token);
await Task.Delay(TimeSpan.FromSeconds(5), cancel.Token);  // the last pushes
await stopSampling.CancelAsync();
await sampling;

// Each event: the time from its webhook's answer until the last board had a board computed after it.
var received = boards.Select(b => b.Received()).ToList();
var delays = new List<double>(run.Events.Count);
var missing = 0;
foreach (var (answeredAt, committedBy) in run.Events)
{
    long latest = 0;
    foreach (var (receivedAt, at) in received)
    {
        var first = FirstAtOrAfter(at, committedBy);
        if (first < 0)
        {
            latest = -1;
            break;
        }

        latest = Math.Max(latest, receivedAt[first]);
    }

    if (latest < 0)
    {
        missing++;
    }
    else
    {
        delays.Add(Math.Max(0, Stopwatch.GetElapsedTime(answeredAt, latest).TotalMilliseconds));
    }
}

var pushes = received.Sum(r => r.ReceivedAt.Length);

// Each broadcast version: from the moment the hub computed it until the last board had it (the hub's own work and the
// fan-out, without the coalescing wait before the computation). Versions that went to every board only.
var fanOut = boards.SelectMany(b => b.Versions())
    .GroupBy(v => v.Version)
    .Where(g => g.Count() == boards.Count)
    .Select(g => (g.Max(v => v.ReceivedUtc) - g.First().At).TotalMilliseconds)
    .ToList();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"events answered: {run.Events.Count} in {elapsed.TotalSeconds:F1} s ({run.Events.Count / elapsed.TotalSeconds:F0}/s); webhooks failed: {run.Failed}"));
Console.WriteLine($"pushes received: {pushes} ({pushes / (double)boards.Count:F1} per board)");
Console.WriteLine(Percentiles.Report($"event committed -> every one of {boards.Count} boards has it", delays, decimals: 0));
Console.WriteLine($"events some board never got: {missing}");
Console.WriteLine(Percentiles.Report($"board computed at the hub -> every one of {boards.Count} boards has it", fanOut, decimals: 0));
Console.WriteLine(memory.Report());
Console.WriteLine($"load average at end: {LoadAverage()}");
await Parallel.ForEachAsync(boards, async (board, _) => await board.DisposeAsync());

var p99 = delays.Count > 0 ? Percentiles.At(delays.Order().ToList(), 99) : double.MaxValue;
return missing == 0 && run.Failed == 0 && p99 <= 1000 ? 0 : 1;

static int FirstAtOrAfter(DateTime[] at, DateTime moment)
{
    int low = 0, high = at.Length;
    while (low < high)
    {
        var middle = (low + high) / 2;
        if (at[middle] >= moment)
        {
            high = middle;
        }
        else
        {
            low = middle + 1;
        }
    }

    return low < at.Length ? low : -1;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
