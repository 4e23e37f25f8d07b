using System.Text.RegularExpressions;
using CallCenter.Core.Backups;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// <c>dotnet run --project src/CallCenter.Api -- backup [--to &lt;folder&gt;]</c> and
/// <c>... -- restore &lt;file&gt; [--force]</c>, on the configured database (settings as for the hub, also as
/// <c>--Database:ConnectionString=...</c>). Progress goes to the console. Exit code 0 when done, 1 when it failed (the
/// reason printed), 2 for a usage error. Without <c>--to</c> a backup goes to <c>Backup:Directory</c>, is copied to
/// <c>Backup:CopyTo</c> and old ones are pruned, as the scheduled job does.
/// </summary>
internal static partial class BackupCli
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public const string Usage = """
        Usage: backup [--to <folder>]
               restore <file> [--force]    (--force replaces a database that is not empty)
        """;

    public static bool Matches(string[] args) => args is ["backup", ..] or ["restore", ..];

    /// <summary>The arguments that are settings (<c>--Section:Key=value</c>), for the host's configuration.</summary>
    public static string[] SettingArguments(string[] args) => args.Where(a => Setting().IsMatch(a)).ToArray();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, Func<BackupService> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(service);
        var words = args.Where(a => !Setting().IsMatch(a)).ToList();
        var progress = new ConsoleProgress(output);
        try
        {
            switch (words)
            {
                case ["backup"]:
                    var result = await service().BackupAsync(progress, cancellationToken);
                    await output.WriteLineAsync($"Backup done: {result.File}" + (result.CopiedTo is null ? string.Empty : $" (copy: {result.CopiedTo})"));
                    return Done;
                case ["backup", "--to", var folder] when !folder.StartsWith("--", StringComparison.Ordinal):
                    var file = await service().BackupToAsync(folder, progress, cancellationToken);
                    await output.WriteLineAsync($"Backup done: {file}");
                    return Done;
                case ["restore", var source] when !source.StartsWith("--", StringComparison.Ordinal):
                    await service().RestoreAsync(source, replaceExisting: false, progress, cancellationToken);
                    await output.WriteLineAsync("Restore done.");
                    return Done;
                case ["restore", var source, "--force"] when !source.StartsWith("--", StringComparison.Ordinal):
                    await service().RestoreAsync(source, replaceExisting: true, progress, cancellationToken);
                    await output.WriteLineAsync("Restore done.");
                    return Done;
                default:
                    await output.WriteLineAsync(Usage);
                    return UsageError;
            }
        }
        catch (BackupFailedException ex)
        {
            await output.WriteLineAsync($"Failed: {ex.Message}");
            return Failed;
        }
        catch (OptionsValidationException ex)
        {
            await output.WriteLineAsync($"Failed: {ex.Message}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Cancelled.");
            return Failed;
        }
    }

    [GeneratedRegex(@"^--[A-Za-z][A-Za-z0-9_]*:[^=]*=")]
    private static partial Regex Setting();

    // Synchronous on purpose: Progress<T> would post lines to the thread pool and print them out of order.
    private sealed class ConsoleProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
