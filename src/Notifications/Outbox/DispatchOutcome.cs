namespace Notifications.Outbox;

/// <summary>
/// What one claimed row's pass came to, written with the rest of its batch in one transaction: accepted by the
/// carrier (with its id), deferred (not an attempt), to be retried (an attempt), or ended without sending.
/// </summary>
public sealed record DispatchOutcome(Notification Row, DispatchOutcomeKind Kind)
{
    public DateTime? At { get; init; }

    /// <summary>The row's new status: the carrier's for an accepted row; suppressed, expired or failed for an ended one.</summary>
    public string? Status { get; init; }

    public string? Error { get; init; }

    public string? CarrierId { get; init; }

    public bool CountAttempt { get; init; }

    /// <summary>A retry whose previous attempt's outcome is unknown: ask the carrier before sending again.</summary>
    public bool CheckCarrier { get; init; }

    public static DispatchOutcome Accepted(Notification row, string carrierId, string status, bool countAttempt) =>
        new(row, DispatchOutcomeKind.Accepted) { CarrierId = carrierId, Status = status, CountAttempt = countAttempt };

    public static DispatchOutcome Deferred(Notification row, DateTime at, string? reason) =>
        new(row, DispatchOutcomeKind.Deferred) { At = at, Error = reason };

    public static DispatchOutcome Retry(Notification row, DateTime at, string error, bool checkCarrier) =>
        new(row, DispatchOutcomeKind.Retry) { At = at, Error = error, CheckCarrier = checkCarrier, CountAttempt = true };

    public static DispatchOutcome Ended(Notification row, string status, string? reason, bool countAttempt) =>
        new(row, DispatchOutcomeKind.Ended) { Status = status, Error = reason, CountAttempt = countAttempt };
}

public enum DispatchOutcomeKind
{
    Accepted,
    Deferred,
    Retry,
    Ended,
}
