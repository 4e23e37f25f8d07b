namespace Notifications.Channels;

/// <summary>What a channel sends: the outbox row's id (for the carrier's callback), recipient and text.</summary>
public sealed record ChannelMessage(Guid NotificationId, string Channel, string Purpose, string Recipient, string? Subject, string Body, string Language, Guid? PatientId);
