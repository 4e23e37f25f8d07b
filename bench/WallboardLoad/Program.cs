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
var baseline = boards.Select(b => b.Received()[^1]).MaxBy(p => p.Version)!;

Console.WriteLine($"events: {options.Rate}/s for {options.Seconds} s ({options.Rate / 2} calls/s entering, each hung up after {options.HoldMilliseconds} ms)");
var run = new EventRun(new SignedWebhooks(client, options), options);
var elapsed = await run.RunAsync(cancel.Token);
await Task.Delay(TimeSpan.FromSeconds(5), cancel.Token);  // the last pushes
await stopSampling.CancelAsync();
await sampling;

var received = boards.Select(b => b.Received()).ToList();
var delays = new Delays(received, run.Events, baseline);
var (shown, missing) = delays.UntilShown();
var steady = run.Events.Count(e => e.AnsweredAt >= run.Steady.From && e.AnsweredAt <= run.Steady.To)
    / Stopwatch.GetElapsedTime(run.Steady.From, run.Steady.To).TotalSeconds;
var pushes = received.Sum(r => r.Length);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"events answered: {run.Events.Count} in {elapsed.TotalSeconds:F1} s ({steady:F0}/s while both kinds flowed); webhooks failed: {run.Failed}"));
Console.WriteLine($"pushes received: {pushes} ({pushes / (double)boards.Count:F1} per board)");
Console.WriteLine(Percentiles.Report($"event answered -> every one of {boards.Count} boards shows it", shown, decimals: 0));
Console.WriteLine($"events some board never showed: {missing}");
Console.WriteLine(Percentiles.Report($"event answered -> every board has a board computed after the answer (upper bound)", delays.UntilComputedAfter(), decimals: 0));
Console.WriteLine(Percentiles.Report($"board computed at the hub -> every one of {boards.Count} boards has it", delays.ComputedToEveryBoard(), decimals: 0));
Console.WriteLine(memory.Report());
Console.WriteLine($"load average at end: {LoadAverage()}");
await Parallel.ForEachAsync(boards, async (board, _) => await board.DisposeAsync());

var p99 = shown.Count > 0 ? Percentiles.At(shown.Order().ToList(), 99) : double.MaxValue;
return missing == 0 && run.Failed == 0 && p99 <= 1000 ? 0 : 1;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
