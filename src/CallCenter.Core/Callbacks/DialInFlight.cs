namespace CallCenter.Core.Callbacks;

/// <summary>
/// A callback's dial that the hub has not heard the end of: customer-first <c>dialling</c>, or agent-first
/// <c>assigned</c> with a call placed from the desk. <see cref="CallSid"/> is null when the call's SID was never
/// recorded (the hub stopped between counting the attempt and the carrier's answer; <c>placing</c> at the desk).
/// </summary>
public sealed record DialInFlight
{
    public required Guid Id { get; init; }
    public required int Attempt { get; init; }
    public required string Status { get; init; }
    public required string Number { get; init; }
    public string? CallSid { get; init; }

    /// <summary>When the attempt was counted (the row's last change before the dial).</summary>
    public DateTime? StartedAt { get; init; }
}
