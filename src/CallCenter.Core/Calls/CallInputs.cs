namespace CallCenter.Core.Calls;

/// <summary>The facts of a call's first voice webhook. Numbers as the carrier sent them (maybe "Anonymous").</summary>
public sealed record IncomingCall
{
    public required string CallSid { get; init; }
    public required string AccountSid { get; init; }
    public required string Direction { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required CallState State { get; init; }
}
