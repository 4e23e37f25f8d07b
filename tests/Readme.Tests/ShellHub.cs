using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Readme.Tests;

/// <summary>
/// The hub started by a README command in a shell at the repository root, as a newcomer starts it: <c>dotnet run</c>
/// with its launch settings (the Development environment), building first if it must. Only where the hub listens and
/// keeps its data is changed, through the settings the README documents, so a run leaves nothing in the clone.
/// </summary>
internal sealed class ShellHub : IAsyncDisposable
{
    // `dotnet run` builds the project first; on a 2-core CI machine that is most of the wait.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(10);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private ShellHub(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the hub printed so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Runs <paramref name="command"/> in bash at the repository root with the hub's data in <paramref name="dataFolder"/>.</summary>
    public static ShellHub Start(string command, string dataFolder, int port)
    {
        var baseAddress = new Uri($"http://localhost:{port}");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        NewcomersEnvironment(start.Environment);
        // Later configuration sources win: these environment variables override appsettings.json and the launch
        // profile's URL, exactly as the README's configuration section says.
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "callcenter.db")}";
        start.Environment["Auth__DataProtectionKeysPath"] = Path.Combine(dataFolder, "keys");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataFolder, "logs", "callcenter-.log");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var hub = new ShellHub(process, baseAddress);
        process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the hub's last lines if it exits or times out.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new HubNotReadyException($"The hub exited with code {_process.ExitCode} before it was ready.", Tail());
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: still building or starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new HubNotReadyException($"/health/ready did not answer 200 within {ReadyTimeout.TotalSeconds} s.", Tail());
    }

    /// <summary>The last lines the hub printed, for a failure message.</summary>
    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // bash, dotnet run and the hub itself: the whole tree, or the hub outlives the test holding its port.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A newcomer's shell: no environment chosen for the hub (the launch profile picks Development) and none of the
    /// variables <c>dotnet test</c> sets for its own MSBuild and test host, which a nested build must not inherit.
    /// </summary>
    private static void NewcomersEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS"
                || name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("CALLCENTER_", StringComparison.Ordinal))
            {
                environment.Remove(name);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}

/// <summary>The hub did not become ready; the message carries the last lines it printed, the fatal one included.</summary>
internal sealed class HubNotReadyException(string reason, string tail)
    : Exception($"{reason}\n---- the hub's last lines ----\n{tail}");
