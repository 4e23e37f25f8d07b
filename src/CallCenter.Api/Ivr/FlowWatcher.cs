using System.Threading.Channels;
using CallCenter.Core.Ivr;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Ivr;

/// <summary>
/// Loads the flows before the hub takes calls, then reloads them when a file changes (after a short debounce, since
/// editors write in several steps) and on a periodic rescan, in case a change event was lost.
/// </summary>
internal sealed partial class FlowWatcher(FlowRegistry registry, IOptions<IvrOptions> options, TimeProvider time, ILogger<FlowWatcher> logger)
    : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? _watcher;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        var folder = options.Value.ResolveFlowsPath();
        if (Directory.Exists(folder))
        {
            _watcher = new FileSystemWatcher(folder, "*.json") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += OnChange;
            _watcher.EnableRaisingEvents = true;
        }
        else
        {
            LogNoFolder(logger, folder);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rescan = TimeSpan.FromSeconds(options.Value.RescanSeconds);
        var debounce = TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var changed = _changes.Reader.WaitToReadAsync(wait.Token).AsTask();
                var tick = Task.Delay(rescan, time, wait.Token);
                if (await Task.WhenAny(changed, tick) == changed && await changed)
                {
                    await Task.Delay(debounce, time, stoppingToken);
                    _changes.Reader.TryRead(out _);
                }

                await wait.CancelAsync();
                await ReloadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The hub is stopping.
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _changes.Writer.TryWrite(true);

    // A reload that fails (the database is down) leaves the flows as they were; the next rescan tries again.
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registry.ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The flow folder {Folder} does not exist: no flow answers until it does")]
    private static partial void LogNoFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the flows failed; the flows already active keep serving")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
