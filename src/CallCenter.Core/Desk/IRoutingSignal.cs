
namespace CallCenter.Core.Desk;

/// <summary>
/// Wakes the router now instead of at its next tick: a call was enqueued, a conversation opened, an agent became
/// available. Cheap and safe to call from any request.
/// </summary>
public interface IRoutingSignal
{
    void Wake();
}
