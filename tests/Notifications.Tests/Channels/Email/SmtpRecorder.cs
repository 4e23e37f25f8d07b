using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Notifications.Tests.Channels.Email;

/// <summary>
/// A real SMTP server (npm smtp-server, tools/smtp-recorder/recorder.js) in its own process on a free port, for one
/// test. What it accepts lands as JSON files, parsed by mailparser, that <see cref="Received"/> reads. A missing
/// install fails the test with what to do, never skips it.
/// </summary>
internal sealed class SmtpRecorder : IDisposable
{
    private static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();

    private SmtpRecorder(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpRecorder> StartAsync(string? user = null, string? password = null, TestCertificate? certificate = null)
    {
        var tools = Path.Combine(RepositoryRoot.Path, "tools", "smtp-recorder");
        if (!File.Exists(Path.Combine(tools, "node_modules", "smtp-server", "package.json")))
        {
            throw new InvalidOperationException($"{tools}/node_modules is missing: run ./test.sh (or: cd tools/smtp-recorder && npm ci) first.");
        }

        var folder = Directory.CreateTempSubdirectory("smtp-recorder-").FullName;
        var start = new ProcessStartInfo(Node.Path)
        {
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("recorder.js");
        Add(start, "out", folder);
        Add(start, "user", user);
        Add(start, "password", password);
        Add(start, "cert", certificate?.CertificatePath);
        Add(start, "key", certificate?.KeyPath);

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var recorder = (SmtpRecorder?)null;
        var lines = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data.StartsWith("listening ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(e.Data["listening ".Length..], CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("smtp-recorder exited: " + string.Join('\n', lines)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var port = await listening.Task.WaitAsync(StartGuard);
        recorder = new SmtpRecorder(process, folder, port);
        return recorder;
    }

    /// <summary>Every message the server accepted, in the order it accepted them.</summary>
    public IReadOnlyList<ReceivedEmail> Received() =>
        [.. Directory.GetFiles(_folder, "*.json").Order(StringComparer.Ordinal).Select(file => ReceivedEmail.Read(File.ReadAllText(file)))];

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Add(ProcessStartInfo start, string name, string? value)
    {
        if (value is not null)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value);
        }
    }
}

/// <summary>One message as the SMTP server received it, decoded by mailparser.</summary>
internal sealed record ReceivedEmail(
    string QueueId,
    string? EnvelopeFrom,
    IReadOnlyList<string> EnvelopeTo,
    string? AuthenticatedUser,
    bool Secure,
    string? Subject,
    string? FromName,
    string? FromAddress,
    string? Text,
    string? Html,
    string? ContentType,
    IReadOnlyList<ReceivedAttachment> Attachments,
    string Raw)
{
    public static ReceivedEmail Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var from = root.GetProperty("from");
        var firstFrom = from.ValueKind == JsonValueKind.Array && from.GetArrayLength() > 0 ? from[0] : default;
        return new ReceivedEmail(
            root.GetProperty("queueId").GetString()!,
            root.GetProperty("envelope").GetProperty("from").GetString(),
            [.. root.GetProperty("envelope").GetProperty("to").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("authenticatedUser").GetString(),
            root.GetProperty("secure").GetBoolean(),
            root.GetProperty("subject").GetString(),
            firstFrom.ValueKind == JsonValueKind.Object ? firstFrom.GetProperty("name").GetString() : null,
            firstFrom.ValueKind == JsonValueKind.Object ? firstFrom.GetProperty("address").GetString() : null,
            root.GetProperty("text").GetString(),
            root.GetProperty("html").GetString(),
            root.GetProperty("contentType").GetString(),
            [.. root.GetProperty("attachments").EnumerateArray().Select(a => new ReceivedAttachment(
                a.GetProperty("filename").GetString(),
                a.GetProperty("contentType").GetString(),
                Convert.FromBase64String(a.GetProperty("content").GetString()!)))],
            root.GetProperty("raw").GetString()!);
    }
}

internal sealed record ReceivedAttachment(string? FileName, string? ContentType, byte[] Content);
