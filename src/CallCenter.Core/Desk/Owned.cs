using AgentDesk.Contracts;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>What an ownership check found: the agent's work, or the refusal to send back.</summary>
public sealed record Owned(Offer? Offer, DeskWork? Work, DeskResult? Error)
{
    public static Owned Refuse(string error, string reason, string? field = null) => new(null, null, DeskResult.Fail(error, reason, field));
}
