namespace CallCenter.Core.Messaging;

/// <summary>An SMS the carrier delivered to the hub.</summary>
public sealed record IncomingSms
{
    public required string MessageSid { get; init; }
    public required string AccountSid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string Body { get; init; } = string.Empty;
    public int? NumSegments { get; init; }
}
