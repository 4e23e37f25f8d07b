using System.Text;
using System.Threading.Channels;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

/// <summary>
/// One simulated call. Its TwiML runs on a single executor task (the call's work is serialized there); everyone else
/// only writes events to <see cref="Events"/> or reads snapshots.
/// </summary>
internal sealed class SimulatedCall
{
    private readonly Lock _lock = new();
    private readonly List<TranscriptEntry> _transcript = [];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CallStatus _status;
    private int _sequence;

    public SimulatedCall(string sid, string accountSid, string from, string to, CallDirection direction, DateTimeOffset createdAt)
    {
        Sid = sid;
        AccountSid = accountSid;
        From = from;
        To = to;
        Direction = direction;
        CreatedAt = createdAt;
        _status = direction == CallDirection.Inbound ? CallStatus.Ringing : CallStatus.Queued;
    }

    public string Sid { get; }

    public string AccountSid { get; }

    public string From { get; }

    public string To { get; }

    public CallDirection Direction { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Where the call's first TwiML comes from: a URL (with method) or inline TwiML.</summary>
    public string? Url { get; init; }

    public string Method { get; init; } = "POST";

    public string? Twiml { get; init; }

    public string? StatusCallback { get; init; }

    public string StatusCallbackMethod { get; init; } = "POST";

    /// <summary>The progress events reported to <see cref="StatusCallback"/> (completed always is).</summary>
    public IReadOnlySet<string> StatusCallbackEvents { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seconds an outbound call rings before no-answer.</summary>
    public int RingTimeout { get; init; } = 60;

    /// <summary>The REST create asked for answering machine detection (MachineDetection Enable or DetectMessageEnd).</summary>
    public bool MachineDetection { get; init; }

    /// <summary>human or machine_start once answered with detection on; sent with the Url request and status callbacks.</summary>
    public string? AnsweredBy { get; set; }

    public Channel<CallerEvent> Events { get; } = Channel.CreateUnbounded<CallerEvent>();

    /// <summary>Digits pressed while nothing was gathering; the next Gather reads them first (type-ahead).</summary>
    public StringBuilder PendingDigits { get; } = new();

    public Queue<string> PendingSpeech { get; } = new();

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The queue the caller waits in, while an Enqueue holds them.</summary>
    public string? QueueName { get; set; }

    public DateTimeOffset? EnqueuedAt { get; set; }

    public int DocumentsFetched { get; set; }

    public CallStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }

        set
        {
            lock (_lock)
            {
                _status = value;
            }
        }
    }

    /// <summary>Completes when the call has ended and its final status callback was sent.</summary>
    public Task Completion => _completion.Task;

    public bool IsEnded => _completion.Task.IsCompleted;

    public int NextSequenceNumber() => Interlocked.Increment(ref _sequence) - 1;

    public void Note(DateTimeOffset at, string kind, string text, IReadOnlyDictionary<string, string>? details = null)
    {
        lock (_lock)
        {
            _transcript.Add(new TranscriptEntry(at, kind, text, details));
        }
    }

    public IReadOnlyList<TranscriptEntry> Transcript()
    {
        lock (_lock)
        {
            return [.. _transcript];
        }
    }

    /// <summary>Completes when the executor next blocks waiting for the caller, the clock or the queue (for tests and pollers).</summary>
    public Task WhenWaitingAsync()
    {
        lock (_lock)
        {
            return _waiting.Task;
        }
    }

    public void MarkWaiting()
    {
        lock (_lock)
        {
            _waiting.TrySetResult();
        }
    }

    public void MarkBusy()
    {
        lock (_lock)
        {
            if (_waiting.Task.IsCompleted)
            {
                _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void MarkEnded(CallStatus status, DateTimeOffset at)
    {
        lock (_lock)
        {
            _status = status;
            EndedAt = at;
        }
    }

    public void Complete()
    {
        Events.Writer.TryComplete();
        MarkWaiting();
        _completion.TrySetResult();
    }

    /// <summary>Seconds from answer to end, as Twilio reports CallDuration (0 for a call never answered).</summary>
    public int DurationSeconds(DateTimeOffset now) =>
        AnsweredAt is { } answered ? (int)Math.Ceiling(((EndedAt ?? now) - answered).TotalSeconds) : 0;
}
