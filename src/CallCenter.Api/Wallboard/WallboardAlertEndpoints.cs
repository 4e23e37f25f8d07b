using CallCenter.Api.Infrastructure;
using CallCenter.Core.Wallboard.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Wallboard;

namespace CallCenter.Api.Wallboard;

/// <summary>Wallboard alerts: the check on every node (<see cref="WallboardAlertWorker"/>) and the recent history for supervisors.</summary>
internal static class WallboardAlertEndpoints
{
    public const int MaxTake = 500;

    public static IServiceCollection AddWallboardAlertsApi(this IServiceCollection services)
    {
        services.AddWallboardAlerts();
        services.AddWallboardAlertMail();
        services.AddHostedService<WallboardAlertWorker>();
        return services;
    }

    public static void MapWallboardAlertEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/wallboard").WithTags("Wallboard").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/alerts", RecentAsync)
            .WithSummary("Recent wallboard alerts, newest first: each queue threshold crossed (up to warning or critical, or back to normal), and whether it was emailed. take: 1-500, default 100.");
    }

    private static async Task<Results<Ok<List<WallboardAlertResponse>>, ValidationProblem>> RecentAsync(
        IWallboardAlertRepository alerts, CancellationToken cancellationToken, int? take = null)
    {
        if (take is < 1 or > MaxTake)
        {
            return Problems.Field("take", $"must be between 1 and {MaxTake}");
        }

        return TypedResults.Ok((await alerts.RecentAsync(take ?? 100, cancellationToken)).Select(WallboardAlertResponse.From).ToList());
    }
}
