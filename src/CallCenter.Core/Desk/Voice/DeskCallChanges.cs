namespace CallCenter.Core.Desk.Voice;

public static class DeskCallChanges
{
    private const int Attempts = 5;

    /// <summary>
    /// Reads the offer's call, asks <paramref name="decide"/> for the next row (null: leave it) and writes it if no one
    /// changed the row meanwhile; read again and decided again when someone did. So a webhook and its repeat, or
    /// a webhook and an agent's action, change the call once, each deciding on the row as the other left it. A change
    /// that ends a connected call appends its <c>completed</c> queue event with the write (<see cref="DeskCallCompletion"/>).
    /// </summary>
    public static async Task<DeskCallChange> ChangeAsync(
        this IDeskCallRepository calls, Func<Task<DeskCallRow?>> read, Func<DeskCallRow, DeskCallRow?> decide, CancellationToken cancellationToken)
    {
        DeskCallRow? current = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            current = await read();
            if (current is null || decide(current) is not { } next)
            {
                return new DeskCallChange(current, null);
            }

            if (await calls.TryUpdateAsync(next, current.Version, DeskCallCompletion.Of(current, next), cancellationToken))
            {
                return new DeskCallChange(current, next with { Version = current.Version + 1 });
            }
        }

        return new DeskCallChange(current, null);
    }

    public static Task<DeskCallChange> ChangeOfferAsync(
        this IDeskCallRepository calls, Guid offerId, Func<DeskCallRow, DeskCallRow?> decide, CancellationToken cancellationToken) =>
        calls.ChangeAsync(() => calls.FindByOfferAsync(offerId, cancellationToken), decide, cancellationToken);

    public static Task<DeskCallChange> ChangeCallAsync(
        this IDeskCallRepository calls, string callSid, Func<DeskCallRow, DeskCallRow?> decide, CancellationToken cancellationToken) =>
        calls.ChangeAsync(() => calls.FindLiveAsync(callSid, cancellationToken), decide, cancellationToken);

    /// <summary>The agent's part ends now (the call may go on: back in line, to an outside number).</summary>
    public static DeskCallRow? EndAgentPart(this DeskCallRow row, string reason, DateTime now) =>
        row.HasAgent ? row with { Status = DeskCallStatuses.Ended, EndedAt = now, EndReason = reason } : null;
}
