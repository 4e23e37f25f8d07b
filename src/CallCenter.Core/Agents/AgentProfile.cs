namespace CallCenter.Core.Agents;

/// <summary>How the hub reaches an agent's phone when they accept a call.</summary>
public enum AgentEndpointKind
{
    /// <summary>A Twilio (or simulator) client name.</summary>
    Client,

    /// <summary>A phone number in E.164.</summary>
    Number,

    /// <summary>A SIP address, sip:user@host.</summary>
    Sip,
}

/// <summary>One skill an agent has, with proficiency 1 (lowest) to 10.</summary>
public sealed record AgentSkill(string Skill, int Proficiency);

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

/// <summary>Stored codes of <see cref="AgentEndpointKind"/>.</summary>
public static class AgentEndpointKinds
{
    public static string ToCode(this AgentEndpointKind kind) => kind switch
    {
        AgentEndpointKind.Client => "client",
        AgentEndpointKind.Number => "number",
        AgentEndpointKind.Sip => "sip",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown endpoint kind."),
    };

    public static AgentEndpointKind? Parse(string? code) => code switch
    {
        "client" => AgentEndpointKind.Client,
        "number" => AgentEndpointKind.Number,
        "sip" => AgentEndpointKind.Sip,
        _ => null,
    };
}
