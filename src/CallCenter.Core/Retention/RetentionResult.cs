namespace CallCenter.Core.Retention;

/// <summary>What one purge removed: webhook receipts and IVR sessions deleted, message bodies blanked.</summary>
public sealed record RetentionResult(int WebhookReceipts, int IvrSessions, int MessageBodies);
