namespace Twilio.Protocol.Webhooks;

/// <summary>Wire names and ordering of <see cref="CallStatus"/>.</summary>
public static class CallStatuses
{
    public static WireNames<CallStatus> Names { get; } = new(
        (CallStatus.Queued, "queued"),
        (CallStatus.Initiated, "initiated"),
        (CallStatus.Ringing, "ringing"),
        (CallStatus.InProgress, "in-progress"),
        (CallStatus.Completed, "completed"),
        (CallStatus.Busy, "busy"),
        (CallStatus.Failed, "failed"),
        (CallStatus.NoAnswer, "no-answer"),
        (CallStatus.Canceled, "canceled"));

    /// <summary>
    /// How far along a call is. Status callbacks can arrive out of order: never move a call to a lower rank
    /// (a late "ringing" after "completed" is ignored). All final statuses share the highest rank.
    /// </summary>
    public static int Rank(this CallStatus status) => status switch
    {
        CallStatus.Queued => 0,
        CallStatus.Initiated => 1,
        CallStatus.Ringing => 2,
        CallStatus.InProgress => 3,
        _ => 4,
    };

    /// <summary>Whether the call is over (completed, busy, failed, no-answer, canceled).</summary>
    public static bool IsFinal(this CallStatus status) => status.Rank() == 4;
}
