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

    /// <summary>When the carrier sent it on; the simulator hands a message on as it accepts it.</summary>
    public DateTimeOffset? DateSent { get; init; }

    public int NumSegments { get; init; }

    public string? StatusCallback { get; init; }

    public MessageStatus Status { get; set; }

    public int? ErrorCode { get; set; }

    /// <summary>Completes when the status callbacks of an outbound message were all sent.</summary>
    public Task Delivery { get; set; } = Task.CompletedTask;
}
