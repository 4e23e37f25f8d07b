namespace Notifications.Outbox;

/// <summary>
/// Where an outbound message is. <c>pending</c> waits for its time (or a retry); <c>sending</c> is claimed by a
/// dispatcher; <c>queued</c> the carrier took it; <c>sent</c>, <c>delivered</c>, <c>undelivered</c>, <c>failed</c> as the
/// carrier reports. <c>suppressed</c> (consent, STOP), <c>expired</c> (it would have arrived after the event) and
/// <c>cancelled</c> (withdrawn) were never sent. <c>failed</c> is also the end of retries.
/// </summary>
public static class NotificationStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
    public const string Failed = "failed";
    public const string Suppressed = "suppressed";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Sending, Queued, Sent, Delivered, Undelivered, Failed, Suppressed, Expired, Cancelled];

    /// <summary>
    /// How far the carrier has the message: 0 not yet (pending, sending) or never (suppressed, expired, cancelled), 1
    /// queued, 2 sent, 3 an outcome. Callbacks only ever raise it.
    /// </summary>
    public static int Rank(string status) => status switch
    {
        Queued => 1,
        Sent => 2,
        Delivered or Undelivered or Failed => 3,
        _ => 0,
    };
}
