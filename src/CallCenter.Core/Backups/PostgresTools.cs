using System.Diagnostics;
using Npgsql;

namespace CallCenter.Core.Backups;

/// <summary>
/// Finds and runs PostgreSQL's own <c>pg_dump</c> and <c>pg_restore</c>: in <c>Backup:PostgresBinDirectory</c> when set,
/// else on PATH, else the newest <c>/usr/lib/postgresql/*/bin</c>. The connection goes through the environment
/// (<c>PGHOST</c>, <c>PGPASSWORD</c>...), never the command line, so the password does not show in a process list.
/// </summary>
internal sealed class PostgresTools(string connectionString, string? binDirectory)
{
    public string Database => new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new BackupFailedException("Database:ConnectionString names no database.");

    public string Find(string tool)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            var configured = Path.Combine(binDirectory, tool);
            return File.Exists(configured)
                ? configured
                : throw new BackupFailedException($"Backup:PostgresBinDirectory is {binDirectory}, which holds no {tool}.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        const string Packages = "/usr/lib/postgresql";
        var packaged = Directory.Exists(Packages)
            ? Directory.GetDirectories(Packages)
                .Select(dir => (Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1, File: Path.Combine(dir, "bin", tool)))
                .Where(c => File.Exists(c.File))
                .OrderByDescending(c => c.Version)
                .Select(c => c.File)
                .FirstOrDefault()
            : null;
        return packaged ?? throw new BackupFailedException(
            $"{tool} was not found on PATH or under {Packages}/*/bin: install PostgreSQL's client tools or set Backup:PostgresBinDirectory.");
    }

    /// <summary>Runs a tool to its end; its messages (stderr) are progress lines; a failure keeps the last few in the exception.</summary>
    public async Task RunAsync(string tool, IReadOnlyList<string> arguments, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Set(start, "PGHOST", builder.Host);
        Set(start, "PGPORT", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(start, "PGUSER", builder.Username);
        Set(start, "PGPASSWORD", builder.Password);
        Set(start, "PGDATABASE", builder.Database);
        Set(start, "PGCONNECT_TIMEOUT", "10");
        if (builder.SslMode is not SslMode.Prefer)
        {
            Set(start, "PGSSLMODE", builder.SslMode switch
            {
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                var mode => mode.ToString().ToLowerInvariant(),
            });
        }

        using var process = Process.Start(start) ?? throw new BackupFailedException($"{tool} could not be started.");
        var last = new Queue<string>();
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
            {
                progress.Report(line);
                last.Enqueue(line);
                if (last.Count > 5)
                {
                    last.Dequeue();
                }
            }
        }, cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await errors;
        await output;
        if (process.ExitCode != 0)
        {
            throw new BackupFailedException($"{tool} failed (exit code {process.ExitCode}): {string.Join(" | ", last)}");
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }
}
