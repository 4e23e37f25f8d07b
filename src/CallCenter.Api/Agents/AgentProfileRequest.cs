
namespace CallCenter.Api.Agents;

/// <summary>endpointKind: client, number or sip. smsCapacity left out: the configured default. skills left out: none.</summary>
public sealed record AgentProfileRequest(string? EndpointKind, string? Endpoint, int? SmsCapacity, IReadOnlyList<AgentSkillDto>? Skills);
