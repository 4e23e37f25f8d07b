using CallCenter.Core.Agents;

namespace CallCenter.Api.Agents;

/// <summary>One roster line; timeInStateSeconds is null for an agent never signed on.</summary>
public sealed record AgentRosterResponse(
    Guid UserId, string UserName, string DisplayName, string Role, AgentState State, string? Reason, DateTime? Since,
    int? TimeInStateSeconds, IReadOnlyList<AgentSkillDto> Skills)
{
    internal static AgentRosterResponse From(AgentRosterRow row) => new(
        row.UserId, row.UserName, row.DisplayName, row.Role, row.State, row.Reason, row.Since,
        row.TimeInState is { } t ? (int)t.TotalSeconds : null, row.Skills.Select(s => new AgentSkillDto(s.Skill, s.Proficiency)).ToList());
}
