using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// A real terminal: a tmux session of a given size running one command, on its own tmux server (socket) so tests
/// never meet each other's sessions. Keys go in with send-keys; the screen comes out with capture-pane. Every wait
/// polls the screen until the text shows or the deadline passes, and a failure prints the screen as it was.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly string _socket = "agent-console-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"agent-console-tmux-{Guid.NewGuid():N}.conf");

    // tmux does not always know a quick program's exit status, so the shell writes it here.
    private readonly string _exitFile = Path.Combine(Path.GetTempPath(), $"agent-console-exit-{Guid.NewGuid():N}.txt");

    private TmuxTerminal()
    {
    }

    /// <summary>Starts <paramref name="command"/> (arguments already quoted for a shell) in a <paramref name="width"/>x<paramref name="height"/> terminal.</summary>
    public static TmuxTerminal Start(string command, int width = 80, int height = 24)
    {
        var terminal = new TmuxTerminal();
        // Keep the pane after the program exits (set before it starts, so even a quick exit is kept), so its exit
        // code and last screen can be read.
        File.WriteAllText(terminal._config, "set -g remain-on-exit on\n");
        terminal.Tmux("new-session", "-d", "-s", "desk", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{command}; echo $? > '{terminal._exitFile}'");
        return terminal;
    }

    /// <summary>Keys as tmux names them: "Enter", "Tab", "Escape", "F2", "C-q", or literal text.</summary>
    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", "desk", .. keys]);

    /// <summary>Types text literally (no key names).</summary>
    public void Type(string text) => Tmux("send-keys", "-t", "desk", "-l", text);

    public string Screen() => Tmux("capture-pane", "-p", "-t", "desk");

    /// <summary>Waits until the screen shows <paramref name="text"/>; returns the screen.</summary>
    public Task<string> WaitForAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync(screen => screen.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    public async Task<string> WaitForAsync(Func<string, bool> shown, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var screen = Screen();
            if (shown(screen))
            {
                return screen;
            }

            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"The terminal did not show {what} within {limit.TotalSeconds}s. The screen was:\n{screen}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the cursor stands in the field under <paramref name="label"/>, as a person waits to see where they
    /// are typing: a form gets its focus a moment after it is drawn.
    /// </summary>
    public async Task WaitForFocusBelowAsync(string label, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var lines = Screen().Split('\n');
            var labelRow = Array.FindIndex(lines, l => l.Contains(label, StringComparison.Ordinal));
            var cursorRow = int.Parse(Tmux("display-message", "-p", "-t", "desk", "#{cursor_y}").Trim(), CultureInfo.InvariantCulture);
            if (labelRow >= 0 && cursorRow == labelRow + 1)
            {
                return;
            }

            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"The cursor did not reach the field under '{label}' within {limit.TotalSeconds}s (cursor row {cursorRow}, label row {labelRow}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the program in the terminal has exited; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            if (File.Exists(_exitFile) && int.TryParse(File.ReadAllText(_exitFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                return code;
            }

            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"The program in the terminal did not exit within {limit.TotalSeconds}s. The screen was:\n{Screen()}");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone (the program quit and nothing else ran on this server).
        }

        File.Delete(_config);
        File.Delete(_exitFile);
    }

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(_config);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "The terminal tests need tmux (a real terminal to drive the console in); it is not installed. Install it: apt-get install -y tmux.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
            }

            return output;
        }
    }
}
