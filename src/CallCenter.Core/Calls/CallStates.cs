namespace CallCenter.Core.Calls;

/// <summary>Stored codes and ordering of <see cref="CallState"/>.</summary>
public static class CallStates
{
    /// <summary>The rank every final status shares: once there, a call never changes status again.</summary>
    public const int FinalRank = 4;

    public static string ToCode(this CallState state) => state switch
    {
        CallState.Queued => "queued",
        CallState.Initiated => "initiated",
        CallState.Ringing => "ringing",
        CallState.InProgress => "in-progress",
        CallState.Completed => "completed",
        CallState.Busy => "busy",
        CallState.Failed => "failed",
        CallState.NoAnswer => "no-answer",
        CallState.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown call state."),
    };

    /// <summary>
    /// How far along a call is. Callbacks arrive out of order; a call only ever moves to a higher rank, so a late
    /// "ringing" after "completed" changes nothing.
    /// </summary>
    public static int Rank(this CallState state) => state switch
    {
        CallState.Queued => 0,
        CallState.Initiated => 1,
        CallState.Ringing => 2,
        CallState.InProgress => 3,
        _ => FinalRank,
    };

    public static bool IsFinal(this CallState state) => state.Rank() == FinalRank;
}
