namespace CallCenter.Core.Queues;

/// <summary>
/// Told when work has joined a queue and everything about it is stored (for a call from the IVR: its session, so the
/// screen-pop shows this turn's menu keys), so whoever routes work can look now rather than at its next tick. The host
/// implements it (the desk's router); cheap and safe to call from any request.
/// </summary>
public interface IQueueArrivalSignal
{
    void WorkArrived();
}
