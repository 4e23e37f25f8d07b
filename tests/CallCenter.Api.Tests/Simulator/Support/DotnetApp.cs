using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Api.Tests.Simulator.Support;

/// <summary>
/// A built app of this repository (src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;project&gt;.dll) run as a
/// separate process with <c>dotnet</c>, configured through environment variables, so a test can kill it as an
/// operator's <c>kill -9</c> would.
/// </summary>
internal sealed class DotnetApp : IAsyncDisposable
{
    private static readonly TimeSpan ReadyGuard = TimeSpan.FromMinutes(2);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private DotnetApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public static DotnetApp Start(string project, int port, IReadOnlyDictionary<string, string> settings)
    {
        var dll = BuiltDll(project);
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || n.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        foreach (var (name, value) in settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new DotnetApp(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; fails with the app's last lines if it exits first.</summary>
    public async Task WaitUntilAnsweringAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyGuard;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new InvalidOperationException($"{path} did not answer 200 within {ReadyGuard.TotalSeconds} s:\n{Tail()}");
    }

    /// <summary>Ends the process at once, as SIGKILL does: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>The project's own build output, in the configuration these tests were built in.</summary>
    private static string BuiltDll(string project)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CallCenter.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("CallCenter.sln not found above the tests."),
            "src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution in {configuration} first.");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }
}
