using Ivr.Flows.Services;
using Ivr.Flows.Validation;

namespace CallCenter.Api.Ivr;

/// <summary>The queues, departments and HTTP endpoints that exist now, read through the flow ports, for validation.</summary>
internal sealed class FlowCatalogReader(FlowServices services)
{
    public async Task<FlowCatalog> ReadAsync(CancellationToken cancellationToken) => new(
        await services.Queues.QueueNamesAsync(cancellationToken),
        await services.Appointments.DepartmentCodesAsync(cancellationToken),
        services.Http.EndpointNames);
}
