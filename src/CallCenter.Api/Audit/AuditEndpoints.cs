using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Audit;

/// <summary>The audit trail, for admins.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("/", QueryAsync).WithSummary("Audit entries, newest first; filter by patient, user and time.");
    }

    private static async Task<Results<Ok<Page<AuditEntry>>, ValidationProblem>> QueryAsync(
        IAuditLog audit,
        CancellationToken cancellationToken,
        Guid? patientId = null,
        Guid? userId = null,
        DateTime? from = null,
        DateTime? to = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        if (request.Validate() is { } error)
        {
            return Problems.Field(error.Field, error.Reason);
        }

        if (from is { } f && to is { } t && f >= t)
        {
            return Problems.Field("to", "must be after 'from'");
        }

        var query = new AuditQuery(patientId, userId, from?.ToUniversalTime(), to?.ToUniversalTime());
        return TypedResults.Ok(await audit.QueryAsync(query, request, cancellationToken));
    }
}
