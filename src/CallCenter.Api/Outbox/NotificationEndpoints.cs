using CallCenter.Api.Infrastructure;
using CallCenter.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Outbox;

namespace CallCenter.Api.Outbox;

/// <summary>The notification outbox for supervisors: every outbound message and where it is.</summary>
internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/", ListAsync)
            .WithSummary("Outbound messages, newest first; filter by patient, purpose, status and creation time (from inclusive, to exclusive).");
    }

    private static async Task<Results<Ok<Page<Notification>>, ValidationProblem>> ListAsync(
        NotificationService notifications,
        HttpContext context,
        CancellationToken cancellationToken,
        Guid? patientId = null,
        string? purpose = null,
        string? status = null,
        DateTime? from = null,
        DateTime? to = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        var errors = new FieldErrors();
        if (request.Validate() is { } error)
        {
            errors.Add(error.Field, error.Reason);
        }

        if (purpose is not null && !NotificationPurposes.All.Contains(purpose))
        {
            errors.Add("purpose", $"must be one of {string.Join(", ", NotificationPurposes.All)}");
        }

        if (status is not null && !NotificationStatuses.All.Contains(status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", NotificationStatuses.All)}");
        }

        if (from is { } f && to is { } t && f >= t)
        {
            errors.Add("to", "must be after 'from'");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var query = new NotificationQuery(patientId, purpose, status, from?.ToUniversalTime(), to?.ToUniversalTime());
        return TypedResults.Ok(await notifications.ListAsync(context.User.ToActor(), query, request, cancellationToken));
    }
}
