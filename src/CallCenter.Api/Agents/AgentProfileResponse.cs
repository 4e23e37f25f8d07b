using CallCenter.Core.Agents;

namespace CallCenter.Api.Agents;

/// <summary>An agent's profile; isDefault says nothing is stored and these are the defaults routing uses.</summary>
public sealed record AgentProfileResponse(
    Guid UserId, string EndpointKind, string Endpoint, int SmsCapacity, IReadOnlyList<AgentSkillDto> Skills, bool IsDefault,
    DateTime? LastOfferedAt, DateTime? UpdatedAt)
{
    internal static AgentProfileResponse From(AgentProfile profile) => new(
        profile.UserId, profile.EndpointKind.ToCode(), profile.Endpoint, profile.SmsCapacity,
        profile.Skills.Select(s => new AgentSkillDto(s.Skill, s.Proficiency)).ToList(), profile.IsDefault, profile.LastOfferedAt, profile.UpdatedAt);
}
