using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Agents;

/// <summary>Agent state policy (section <c>AgentState</c>).</summary>
public sealed class AgentStateOptions
{
    public const string SectionName = "AgentState";

    /// <summary>Offers that ring out in a row before the agent is put on break with the reason "missed offers".</summary>
    [Range(1, 100)]
    public int MaxMissedOffers { get; set; } = 3;
}
