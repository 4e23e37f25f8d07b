namespace AgentDesk.Contracts;

/// <summary>An SMS conversation the agent holds, with its messages oldest first.</summary>
public sealed record DeskConversation
{
    public required Guid ConversationId { get; init; }
    public required Guid OfferId { get; init; }
    public Guid? PatientId { get; init; }
    public string? PatientName { get; init; }
    public IReadOnlyList<DeskSms> Messages { get; init; } = [];
}
