using CallCenter.Api.Desk;
using CallCenter.Core.Queues;

namespace CallCenter.Api.Ivr;

/// <summary>A call a flow put in a queue wakes the desk's router (when this hub has one).</summary>
internal sealed class RoutingArrivalSignal(IEnumerable<IRoutingSignal> routers) : IQueueArrivalSignal
{
    public void WorkArrived()
    {
        foreach (var router in routers)
        {
            router.Wake();
        }
    }
}
