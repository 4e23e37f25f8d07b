namespace CallCenter.Core.Reminders;

/// <summary>
/// The recurring work of reminders, one call each: what the scheduled jobs run, and what a supervisor can run at once.
/// Both are idempotent; running them twice or from two processes marks and expires each item once.
/// </summary>
public sealed class ReminderRuns
{
    private readonly NoShowMarker _noShows;
    private readonly WaitlistOfferService _offers;

    internal ReminderRuns(NoShowMarker noShows, WaitlistOfferService offers)
    {
        _noShows = noShows;
        _offers = offers;
    }

    /// <summary>Marks every due no-show, batch after batch; returns how many were marked.</summary>
    public async Task<int> MarkNoShowsAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int marked;
        do
        {
            marked = await _noShows.MarkDueAsync(cancellationToken);
            total += marked;
        }
        while (marked > 0 && !cancellationToken.IsCancellationRequested);

        return total;
    }

    /// <summary>Expires lapsed waitlist offers and offers their places again; returns how many lapsed.</summary>
    public Task<int> ExpireOffersAsync(CancellationToken cancellationToken = default) => _offers.ExpireAsync(cancellationToken);
}
