namespace CallCenter.Core.Messaging;

/// <summary>A message with its status history, oldest first.</summary>
public sealed record MessageDetails(Message Message, IReadOnlyList<MessageEvent> Events);
