namespace Notifications.Outbox;

/// <summary>Filters of the supervisors' list; each optional. <see cref="From"/> inclusive, <see cref="To"/> exclusive, on the creation time.</summary>
public sealed record NotificationQuery(Guid? PatientId = null, string? Purpose = null, string? Status = null, DateTime? From = null, DateTime? To = null);
