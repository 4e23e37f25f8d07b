namespace Notifications.Channels;

/// <summary>A channel's answer to one send. <see cref="Error"/> is a short code or carrier code, never personal data.</summary>
public sealed record ChannelSendResult(ChannelOutcome Outcome, string? CarrierId = null, string? CarrierStatus = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Taken; <paramref name="status"/> is the outbox status it starts at (queued or sent).</summary>
    public static ChannelSendResult Accepted(string carrierId, string status = "queued") => new(ChannelOutcome.Accepted, carrierId, status);

    public static ChannelSendResult Throttled(TimeSpan? retryAfter) => new(ChannelOutcome.Throttled, RetryAfter: retryAfter, Error: "throttled");

    public static ChannelSendResult OptedOut(string error) => new(ChannelOutcome.OptedOut, Error: error);

    public static ChannelSendResult Rejected(string error) => new(ChannelOutcome.Rejected, Error: error);

    public static ChannelSendResult Transient(string error) => new(ChannelOutcome.Transient, Error: error);

    public static ChannelSendResult Unknown(string error) => new(ChannelOutcome.Unknown, Error: error);
}
