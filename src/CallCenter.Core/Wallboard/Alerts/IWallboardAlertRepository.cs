using System.Data.Common;

namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>The stored levels and the alert history (migration 0026). Level moves and email claims are conditional updates.</summary>
public interface IWallboardAlertRepository
{
    Task<IReadOnlyList<StoredAlertLevel>> LevelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a normal level for a queue's figure seen for the first time; a row already there is left alone.</summary>
    Task EnsureAsync(string queue, string metric, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Moves the stored level from <paramref name="fromLevel"/> to <paramref name="toLevel"/>; false when another check moved it first.</summary>
    Task<bool> TryMoveAsync(DbTransaction transaction, string queue, string metric, ThresholdLevel fromLevel, ThresholdLevel toLevel, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the alert email of this queue and metric: true when none was sent since <paramref name="windowStart"/>,
    /// or when <paramref name="level"/> is critical and the last one was not.
    /// </summary>
    Task<bool> TryClaimEmailAsync(DbTransaction transaction, string queue, string metric, ThresholdLevel level, DateTime now, DateTime windowStart, CancellationToken cancellationToken = default);

    Task AddAsync(DbTransaction transaction, WallboardAlertRecord alert, CancellationToken cancellationToken = default);

    /// <summary>The latest alerts, newest first.</summary>
    Task<IReadOnlyList<WallboardAlertRecord>> RecentAsync(int take, CancellationToken cancellationToken = default);
}
