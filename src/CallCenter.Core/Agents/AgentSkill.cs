namespace CallCenter.Core.Agents;

/// <summary>One skill an agent has, with proficiency 1 (lowest) to 10.</summary>
public sealed record AgentSkill(string Skill, int Proficiency);
