using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Messaging;

/// <summary>One SMS the simulator carried, either way. Direction uses Twilio's names (inbound, outbound-api, outbound-reply).</summary>
internal sealed class SimulatedMessage
{
    public required string Sid { get; init; }

    public required string AccountSid { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string Body { get; init; }

    public required string Direction { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public int NumSegments { get; init; }

    public string? StatusCallback { get; init; }

    private readonly Lock _lock = new();
    private MessageStatus _status;
    private DateTimeOffset? _dateSent;
    private DateTimeOffset? _dateUpdated;

    public MessageStatus Status
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

    public int? ErrorCode { get; set; }

    /// <summary>When the carrier handed it on (an outbound message's "sent"), or received it (inbound); null before.</summary>
    public DateTimeOffset? DateSent
    {
        get
        {
            lock (_lock)
            {
                return _dateSent;
            }
        }
    }

    public DateTimeOffset DateUpdated
    {
        get
        {
            lock (_lock)
            {
                return _dateUpdated ?? DateCreated;
            }
        }
    }

    /// <summary>Moves the message to <paramref name="status"/> at <paramref name="at"/>; "sent" and "received" stamp the date sent.</summary>
    public void MoveTo(MessageStatus status, DateTimeOffset at)
    {
        lock (_lock)
        {
            _status = status;
            _dateUpdated = at;
            if (status is MessageStatus.Sent or MessageStatus.Received && _dateSent is null)
            {
                _dateSent = at;
            }
        }
    }

    /// <summary>Completes when the status callbacks of an outbound message were all sent.</summary>
    public Task Delivery { get; set; } = Task.CompletedTask;
}
