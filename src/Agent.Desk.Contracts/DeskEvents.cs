namespace AgentDesk.Contracts;

/// <summary>Kinds of work a desk is offered.</summary>
public static class DeskWorkKinds
{
    public const string Call = "call";
    public const string Conversation = "conversation";

    /// <summary>A callback the caller asked for: accepting it makes the hub call the patient and connect them.</summary>
    public const string Callback = "callback";
}

/// <summary>
/// An offer ringing at the agent. <see cref="ExpiresAt"/> is when it rings out and goes to the next agent.
/// Exactly one of <see cref="CallSid"/> and <see cref="ConversationId"/> is set.
/// </summary>
public sealed record DeskOffer
{
    public required Guid OfferId { get; init; }
    public required string Kind { get; init; }
    public string? CallSid { get; init; }
    public Guid? ConversationId { get; init; }
    public required string Queue { get; init; }
    public required DateTimeOffset OfferedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when another agent transfers the call here, with their note.</summary>
    public string? TransferredBy { get; init; }
    public string? TransferNote { get; init; }
    public required DeskScreenPop ScreenPop { get; init; }
}

/// <summary>Reason codes: rang-out, caller-left, declined, taken-elsewhere, disconnected, transferred.</summary>
public sealed record OfferWithdrawn(Guid OfferId, string Reason);

/// <summary>The agent's call: who, since when, whether the caller is on hold.</summary>
public sealed record DeskCall
{
    public required string CallSid { get; init; }
    public required Guid OfferId { get; init; }
    public required string Queue { get; init; }
    public Guid? PatientId { get; init; }
    public required DateTimeOffset ConnectedAt { get; init; }
    public bool OnHold { get; init; }
}

/// <summary>Reason codes: caller-hung-up, agent-hung-up, transferred, failed.</summary>
public sealed record DeskCallEnded(string CallSid, string Reason, int TalkSeconds, DateTimeOffset? WrapUpUntil);

/// <summary>State codes as in the roster: offline, available, reserved, busy, wrap-up, break.</summary>
public sealed record DeskAgentState
{
    public required string State { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset Since { get; init; }
    public DateTimeOffset? WrapUpUntil { get; init; }
    public int MissedOffers { get; init; }
}

/// <summary>A text from the patient in a conversation the agent holds.</summary>
public sealed record DeskSms(Guid ConversationId, string MessageSid, string Body, DateTimeOffset ReceivedAt, string Direction = "inbound");

/// <summary>Everything a (re)connected desk needs to draw itself.</summary>
public sealed record DeskSnapshot
{
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required DeskAgentState State { get; init; }
    public IReadOnlyList<DeskOffer> Ringing { get; init; } = [];
    public DeskCall? Call { get; init; }

    /// <summary>Set while the agent is in wrap-up for this call and has not submitted it yet.</summary>
    public string? WrapUpCallSid { get; init; }
    public IReadOnlyList<DeskConversation> Conversations { get; init; } = [];

    /// <summary>The disposition codes the hub accepts in <see cref="WrapUpRequest"/>.</summary>
    public IReadOnlyList<string> Dispositions { get; init; } = [];
}

/// <summary>An SMS conversation the agent holds, with its messages oldest first.</summary>
public sealed record DeskConversation
{
    public required Guid ConversationId { get; init; }
    public required Guid OfferId { get; init; }
    public Guid? PatientId { get; init; }
    public string? PatientName { get; init; }
    public IReadOnlyList<DeskSms> Messages { get; init; } = [];
}
