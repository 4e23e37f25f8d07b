namespace CallCenter.Core.Agents;

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
