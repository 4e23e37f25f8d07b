namespace CallCenter.Core.Messaging;

/// <summary>Stored codes and ordering of <see cref="MessageState"/>.</summary>
public static class MessageStates
{
    public static string ToCode(this MessageState state) => state switch
    {
        MessageState.Accepted => "accepted",
        MessageState.Scheduled => "scheduled",
        MessageState.Canceled => "canceled",
        MessageState.Queued => "queued",
        MessageState.Sending => "sending",
        MessageState.Sent => "sent",
        MessageState.Failed => "failed",
        MessageState.Delivered => "delivered",
        MessageState.Undelivered => "undelivered",
        MessageState.Receiving => "receiving",
        MessageState.Received => "received",
        MessageState.Read => "read",
        MessageState.PartiallyDelivered => "partially_delivered",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown message state."),
    };

    /// <summary>
    /// How far along a message is; it only ever moves to a higher rank, so a late "sent" after "delivered"
    /// changes nothing. Outcomes (delivered, failed, received, ...) share one rank; only "read" (after delivery,
    /// on channels that report it) is above them.
    /// </summary>
    public static int Rank(this MessageState state) => state switch
    {
        MessageState.Accepted or MessageState.Scheduled => 0,
        MessageState.Queued => 1,
        MessageState.Sending or MessageState.Receiving => 2,
        MessageState.Sent => 3,
        MessageState.Read => 5,
        _ => 4,
    };
}
