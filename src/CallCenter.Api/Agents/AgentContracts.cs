using CallCenter.Core.Agents;

namespace CallCenter.Api.Agents;

public sealed record AgentSkillDto(string? Skill, int Proficiency);

/// <summary>One roster line; timeInStateSeconds is null for an agent never signed on.</summary>
public sealed record AgentRosterResponse(
    Guid UserId, string UserName, string DisplayName, string Role, AgentState State, string? Reason, DateTime? Since,
    int? TimeInStateSeconds, IReadOnlyList<AgentSkillDto> Skills)
{
    internal static AgentRosterResponse From(AgentRosterRow row) => new(
        row.UserId, row.UserName, row.DisplayName, row.Role, row.State, row.Reason, row.Since,
        row.TimeInState is { } t ? (int)t.TotalSeconds : null, row.Skills.Select(s => new AgentSkillDto(s.Skill, s.Proficiency)).ToList());
}

/// <summary>An agent's profile; isDefault says nothing is stored and these are the defaults routing uses.</summary>
public sealed record AgentProfileResponse(
    Guid UserId, string EndpointKind, string Endpoint, int SmsCapacity, IReadOnlyList<AgentSkillDto> Skills, bool IsDefault,
    DateTime? LastOfferedAt, DateTime? UpdatedAt)
{
    internal static AgentProfileResponse From(AgentProfile profile) => new(
        profile.UserId, profile.EndpointKind.ToCode(), profile.Endpoint, profile.SmsCapacity,
        profile.Skills.Select(s => new AgentSkillDto(s.Skill, s.Proficiency)).ToList(), profile.IsDefault, profile.LastOfferedAt, profile.UpdatedAt);
}

/// <summary>endpointKind: client, number or sip. smsCapacity left out: the configured default. skills left out: none.</summary>
public sealed record AgentProfileRequest(string? EndpointKind, string? Endpoint, int? SmsCapacity, IReadOnlyList<AgentSkillDto>? Skills);
