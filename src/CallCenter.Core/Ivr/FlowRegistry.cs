using System.Collections.Concurrent;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr;

/// <summary>
/// The flows the hub serves. Reads the flow folder, activates every valid file (storing the version's content so a
/// call can finish on it after an edit or a restart), keeps the last good version of a file whose new content is
/// refused, and publishes the result as one immutable <see cref="FlowSnapshot"/>.
/// </summary>
public sealed partial class FlowRegistry(
    IOptions<IvrOptions> options,
    FlowCatalogReader catalogs,
    IFlowVersionRepository versions,
    TimeProvider time,
    ILogger<FlowRegistry> logger) : IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly ConcurrentDictionary<(string FlowId, string Version), FlowDefinition> _versions = new();
    private volatile FlowSnapshot _current = FlowSnapshot.Empty;

    public FlowSnapshot Current => _current;

    /// <summary>Raised after every reload with the snapshot it published (for tests and diagnostics).</summary>
    public event EventHandler<FlowSnapshot>? Reloaded;

    /// <summary>Reads the folder again; files whose content did not change (and was valid) are not read twice.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var previous = _current;
            var next = new Dictionary<string, FlowFileState>(StringComparer.Ordinal);
            FlowCatalog? catalog = null;
            foreach (var path in FlowFiles())
            {
                var fileName = Path.GetFileName(path);
                var old = previous.Files.GetValueOrDefault(fileName);
                if (await ReadAsync(path, cancellationToken) is not { } content)
                {
                    if (old is not null)
                    {
                        next[fileName] = old;
                    }

                    continue;
                }

                var hash = ActiveFlow.VersionOf(content);
                if (old is not null && old.ContentHash == hash && old.Errors.Count == 0)
                {
                    next[fileName] = old;
                    continue;
                }

                catalog ??= await catalogs.ReadAsync(cancellationToken);
                next[fileName] = await LoadAsync(fileName, content, hash, old, catalog, ActiveElsewhere(previous, next), cancellationToken);
            }

            foreach (var removed in previous.Files.Keys.Where(name => !next.ContainsKey(name)))
            {
                LogRemoved(logger, removed);
            }

            _current = FlowSnapshot.Of(next.Values);
        }
        finally
        {
            _reloading.Release();
        }

        Reloaded?.Invoke(this, _current);
    }

    /// <summary>A version a call started on: from memory, else from the database (after a restart or on another hub).</summary>
    public async Task<FlowDefinition?> FindVersionAsync(string flowId, string version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((flowId, version), out var known))
        {
            return known;
        }

        if (await versions.FindAsync(flowId, version, cancellationToken) is not { } stored)
        {
            return null;
        }

        // The catalog is not checked again: a queue removed since must not break calls already in the flow.
        var loaded = FlowLoader.Load(stored.FileName, stored.Content, FlowCatalog.Unknown);
        return loaded.Flow is { } flow ? _versions.GetOrAdd((flowId, version), flow) : null;
    }

    private async Task<FlowFileState> LoadAsync(
        string fileName, string content, string hash, FlowFileState? old, FlowCatalog catalog, IEnumerable<ActiveFlow> others, CancellationToken cancellationToken)
    {
        var result = FlowLoader.Load(fileName, content, catalog);
        var errors = result.Flow is { } candidate ? [.. result.Errors, .. FlowConflicts.Find(fileName, candidate, others)] : result.Errors.ToList();
        if (errors.Count > 0 || result.Flow is not { } flow)
        {
            if (old is null || old.ContentHash != hash || !old.Errors.SequenceEqual(errors))
            {
                foreach (var error in errors)
                {
                    LogRefused(logger, fileName, old?.Active?.Version, error.ToString());
                }
            }

            return new FlowFileState(fileName, hash, old?.Active, errors);
        }

        if (old?.Active is { } same && same.Version == hash)
        {
            return old with { Errors = [] };
        }

        var activatedAt = time.GetUtcNow();
        await versions.SaveAsync(new StoredFlowVersion
        {
            FlowId = flow.Id, Version = hash, FileName = fileName, Content = content, ActivatedAt = activatedAt.UtcDateTime,
        }, cancellationToken);
        _versions.TryAdd((flow.Id, hash), flow);
        LogActivated(logger, flow.Id, hash, fileName);
        return new FlowFileState(fileName, hash, new ActiveFlow(flow, hash, fileName, activatedAt, content), []);
    }

    public void Dispose() => _reloading.Dispose();

    // The versions other files serve: those read in this reload, and the previous ones of files not read yet.
    private static List<ActiveFlow> ActiveElsewhere(FlowSnapshot previous, Dictionary<string, FlowFileState> next) =>
        [.. previous.Files.Values.Where(f => !next.ContainsKey(f.FileName)).Concat(next.Values).Select(f => f.Active).OfType<ActiveFlow>()];

    private IEnumerable<string> FlowFiles()
    {
        var folder = options.Value.ResolveFlowsPath();
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)
            : [];
    }

    // A file being written or deleted right now is read on the next change event or rescan.
    private async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, Path.GetFileName(path), ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} version {Version} from {FileName} is active for new calls")]
    private static partial void LogActivated(ILogger logger, string flowId, string version, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow file {FileName} refused (serving version: {ServingVersion}): {FlowError}")]
    private static partial void LogRefused(ILogger logger, string fileName, string? servingVersion, string flowError);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow file {FileName} removed: its flow no longer answers new calls")]
    private static partial void LogRemoved(ILogger logger, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow file {FileName} could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string fileName, string reason);
}
