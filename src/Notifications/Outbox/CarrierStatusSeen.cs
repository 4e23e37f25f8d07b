namespace Notifications.Outbox;

/// <summary>The status the message record holds for a row just accepted (a callback that raced the row's update).</summary>
public sealed record CarrierStatusSeen
{
    public Guid NotificationId { get; init; }

    public string CarrierId { get; init; } = string.Empty;

    /// <summary>The <c>message</c> table's status code.</summary>
    public string MessageStatus { get; init; } = string.Empty;

    public int? ErrorCode { get; init; }
}
