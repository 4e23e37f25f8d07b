namespace CallCenter.Core.Routing;

/// <summary>A piece of work waiting in line, as the router reads it.</summary>
internal sealed record WorkItem
{
    public WorkKind Kind { get; init; }
    public Guid Id { get; init; }
    public string QueueName { get; init; } = "";
    public string? CallSid { get; init; }
    public Guid? PatientId { get; init; }
    public string CallerNumber { get; init; } = "";
    public string Language { get; init; } = "";

    /// <summary>Comma-separated skills the work itself needs (the IVR's choice), on top of its queue's.</summary>
    public string? Skills { get; init; }
    public DateTime PlaceAt { get; init; }
    public DateTime WaitingSince { get; init; }

    public IReadOnlyList<string> OwnSkills => Skills is { Length: > 0 } s
        ? s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : [];
}

/// <summary>An agent the router may pick, with what the strategies rank by.</summary>
internal sealed record AgentCandidate
{
    public Guid UserId { get; init; }
    public string State { get; init; } = "";

    /// <summary>When the agent entered their state: for an available agent, since when they have been idle.</summary>
    public DateTime Since { get; init; }
    public int? SmsCapacity { get; init; }
    public DateTime? LastOfferedAt { get; init; }
    public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();
    public int CallsToday { get; init; }
    public int HeldConversations { get; set; }
    public bool ConversationRinging { get; set; }

    public bool HasAll(IEnumerable<string> required) => required.All(Skills.ContainsKey);

    public int Proficiency(IEnumerable<string> required) => required.Sum(s => Skills.TryGetValue(s, out var p) ? p : 0);
}
