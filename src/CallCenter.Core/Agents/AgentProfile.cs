namespace CallCenter.Core.Agents;

/// <summary>
/// What routing knows of an agent besides their state: their endpoint, skills and SMS capacity. An agent without
/// a stored profile routes with <see cref="Default"/>.
/// </summary>
public sealed record AgentProfile
{
    public required Guid UserId { get; init; }
    public required AgentEndpointKind EndpointKind { get; init; }
    public required string Endpoint { get; init; }
    public int SmsCapacity { get; init; }
    public IReadOnlyList<AgentSkill> Skills { get; init; } = [];

    /// <summary>When an offer last went to the agent (round-robin).</summary>
    public DateTime? LastOfferedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }

    /// <summary>True when nothing is stored and these are the defaults.</summary>
    public bool IsDefault { get; init; }

    /// <summary>The profile of an agent nobody configured: their user name as client endpoint, no skills.</summary>
    public static AgentProfile Default(Guid userId, string userName, int smsCapacity) => new()
    {
        UserId = userId, EndpointKind = AgentEndpointKind.Client, Endpoint = userName, SmsCapacity = smsCapacity, IsDefault = true,
    };
}
