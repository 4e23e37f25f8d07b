using CallCenter.Core.Ivr;
using Ivr.Flows.Loading;
using Ivr.Flows.Validation;

namespace CallCenter.Api.Ivr;

/// <summary>
/// <c>dotnet run --project src/CallCenter.Api -- flows validate [--offline] &lt;file&gt;...</c>: checks flow files
/// before they are copied to the hub. Exit code 0 when all are valid, 1 when any is not, 2 for a usage error.
/// With the configured database it also checks queue, department and endpoint names; without one (or with
/// <c>--offline</c>) it says those were not checked.
/// </summary>
internal static class FlowCli
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int UsageError = 2;
    public const string OfflineSwitch = "--offline";

    public const string Usage = "Usage: flows validate [--offline] <file.json> [<file.json>...]";
    public const string NotCheckedNote = "Note: no database: queue, department and HTTP endpoint names were not checked.";

    public static bool Matches(string[] args) => args is ["flows", ..];

    /// <summary>The command as Program runs it: the catalog comes from the hub's configured database.</summary>
    public static Task<int> MainAsync(string[] args) =>
        RunAsync(args, Console.Out, HubCatalogAsync, CancellationToken.None);

    /// <summary>Runs the command; <paramref name="catalogSource"/> gives the catalog, or null (or throws) when there is no database.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, Func<CancellationToken, Task<FlowCatalog?>>? catalogSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var files = args.Skip(2).Where(a => a != OfflineSwitch).ToList();
        if (args.Count < 3 || args[0] != "flows" || args[1] != "validate" || files.Count == 0 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync(Usage);
            return UsageError;
        }

        var missing = files.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
        {
            await output.WriteLineAsync($"{file}: no such file");
        }

        if (missing.Count > 0)
        {
            return UsageError;
        }

        var catalog = args.Contains(OfflineSwitch) || catalogSource is null ? null : await TryCatalogAsync(catalogSource, cancellationToken);
        if (catalog is null)
        {
            await output.WriteLineAsync(NotCheckedNote);
        }

        var exitCode = Valid;
        foreach (var file in files)
        {
            var content = await File.ReadAllTextAsync(file, cancellationToken);
            var result = FlowLoader.Load(file, content, catalog ?? FlowCatalog.Unknown);
            if (result.Succeeded)
            {
                await output.WriteLineAsync($"{file}: valid (flow {result.Flow!.Id}, version {ActiveFlow.VersionOf(content)})");
                continue;
            }

            exitCode = Invalid;
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync(error.ToString());
            }
        }

        return exitCode;
    }

    private static async Task<FlowCatalog?> TryCatalogAsync(Func<CancellationToken, Task<FlowCatalog?>> source, CancellationToken cancellationToken)
    {
        try
        {
            return await source(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No database reachable (or no schema yet): the check goes on without the names it would hold.
            return null;
        }
    }

    // The hub's own services, built but not started: the same ports and database the running hub would use.
    private static async Task<FlowCatalog?> HubCatalogAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.AddCallCenterApi();
        await using var app = builder.Build();
        return app.Services.GetService<FlowCatalogReader>() is { } catalogs ? await catalogs.ReadAsync(cancellationToken) : null;
    }
}
