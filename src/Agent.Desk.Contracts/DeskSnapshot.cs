namespace AgentDesk.Contracts;

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

    /// <summary>The disposition that opens a complaint case; null when none does.</summary>
    public string? ComplaintDisposition { get; init; }

    /// <summary>The categories a complaint case opened at wrap-up may have, the default first.</summary>
    public IReadOnlyList<string> ComplaintCategories { get; init; } = [];

    /// <summary>The severities a complaint case opened at wrap-up may have, the default first.</summary>
    public IReadOnlyList<string> ComplaintSeverities { get; init; } = [];
}
