using Ivr.Flows.Services;
using Ivr.Flows.Validation;

namespace CallCenter.Core.Ivr;

/// <summary>The queues, departments and HTTP endpoints that exist now, read through the flow ports, for validation.</summary>
public sealed class FlowCatalogReader(FlowServices services)
{
    public async Task<FlowCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        var departments = await services.Appointments.DepartmentCodesAsync(cancellationToken);

        // A fresh install has no departments until scheduling is set up; refusing the shipped hotline then would leave
        // the hospital with no IVR at all. Department codes are checked as soon as one exists; until then a booking
        // step finds no free slots and takes its "none" transition.
        return new FlowCatalog(
            await services.Queues.QueueNamesAsync(cancellationToken),
            departments.Count == 0 ? null : departments,
            services.Http.EndpointNames);
    }
}
