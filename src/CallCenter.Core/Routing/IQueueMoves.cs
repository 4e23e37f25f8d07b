namespace CallCenter.Core.Routing;

/// <summary>
/// Calls moved between queues, by hand (a transfer back into a queue) or by rule (overflow). Each move is
/// conditional on where the call still is, so a second hub making the same move changes nothing.
/// </summary>
public interface IQueueMoves
{
    /// <summary>
    /// Moves a call (after an agent had it) into a queue for a transfer, keeping its original place; appends
    /// <c>transferred</c> in the queue it leaves and <c>entered</c> in the one it joins.
    /// </summary>
    Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a call an agent accepted back in line because the agent's phone never answered (or could not be reached),
    /// keeping its place; the same move as <see cref="RequeueAsync"/>, recorded as a <c>ring-no-answer</c> at that agent.
    /// </summary>
    Task<bool> ReturnAfterMissAsync(string callSid, string queueName, CancellationToken cancellationToken = default);

    /// <summary>Calls waiting past their queue's maximum wait, each moved or marked as its queue's overflow says.</summary>
    Task<IReadOnlyList<OverflowAction>> OverflowAsync(CancellationToken cancellationToken = default);
}
