
namespace CallCenter.Api.Agents;

public sealed record AgentSkillDto(string? Skill, int Proficiency);
