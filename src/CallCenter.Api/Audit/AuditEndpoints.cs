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

    /// <summary>Reading the trail is itself audited: who looked, at which patient's or user's entries, over which time.</summary>
    public const string ReadOperation = "audit.read";

    private static async Task<Results<Ok<Page<AuditEntry>>, ValidationProblem>> QueryAsync(
        IAuditLog audit,
        HttpContext context,
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
        var result = await audit.QueryAsync(query, request, cancellationToken);

        // Written after the read, so the page shows the trail as it was when asked for.
        var detail = FormattableString.Invariant(
            $"user {query.UserId?.ToString() ?? "any"}, from {query.From?.ToString("O") ?? "any"}, to {query.To?.ToString("O") ?? "any"}, page {request.Page}");
        await audit.WriteAsync(context.User.ToActor(), ReadOperation, patientId, AuditOutcomes.Success, detail, cancellationToken);
        return TypedResults.Ok(result);
    }
}
