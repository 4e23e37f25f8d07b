namespace AgentDesk.Contracts;

/// <summary>A text from the patient in a conversation the agent holds.</summary>
public sealed record DeskSms(Guid ConversationId, string MessageSid, string Body, DateTimeOffset ReceivedAt, string Direction = "inbound");
