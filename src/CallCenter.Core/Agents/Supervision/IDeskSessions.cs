namespace CallCenter.Core.Agents.Supervision;

/// <summary>Ends an agent's live desk connections (the desk hub implements it): tells them, then closes them.</summary>
public interface IDeskSessions
{
    Task EndAsync(Guid agentId, string signedOutBy, DateTime at, CancellationToken cancellationToken = default);
}
