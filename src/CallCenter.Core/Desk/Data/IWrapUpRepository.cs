using CallCenter.Core.Interactions;

namespace CallCenter.Core.Desk.Data;

public interface IWrapUpRepository
{
    /// <summary>
    /// Stores the wrap-up and its timeline entry (when the call has a patient) in one transaction. False, with
    /// nothing written, when the agent already wrapped up this call.
    /// </summary>
    Task<bool> TryAddAsync(CallWrapUp wrapUp, Interaction? timeline, CancellationToken cancellationToken = default);

    Task<CallWrapUp?> FindAsync(string callSid, Guid agentId, CancellationToken cancellationToken = default);
}
