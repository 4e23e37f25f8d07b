using System.Text;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CallCenter.Api.Reports;

/// <summary>Interval reports for supervisors, from the queue event log: JSON, or CSV for spreadsheets.</summary>
internal static class ReportEndpoints
{
    /// <summary>The reports' services are Core's (AddReports); the API adds nothing of its own.</summary>
    public static IServiceCollection AddReportsApi(this IServiceCollection services) => services;

    public static void MapReportEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/queues", QueuesAsync)
            .WithSummary("Per queue and 15, 30 or 60-minute interval: offered, answered, abandoned, service level, ASA, AHT, longest wait, callbacks; JSON or CSV.");
        group.MapGet("/agents", AgentsAsync)
            .WithSummary("Per agent and 15, 30 or 60-minute interval: handled, AHT, talk, wrap-up, break and available time, occupancy; JSON or CSV.");
    }

    private static async Task<Results<Ok<ReportResponse<QueueIntervalRow>>, FileContentHttpResult, ValidationProblem>> QueuesAsync(
        [AsParameters] ReportParameters parameters, IIntervalReports reports, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await reports.QueuesAsync(ToQuery(parameters), cancellationToken);
        if (!result.IsValid)
        {
            return ToProblem(result.Errors);
        }

        return WantsCsv(parameters, context)
            ? Csv(ReportCsv.Queues(result.Rows), "queues")
            : TypedResults.Ok(ToResponse(result));
    }

    private static async Task<Results<Ok<ReportResponse<AgentIntervalRow>>, FileContentHttpResult, ValidationProblem>> AgentsAsync(
        [AsParameters] ReportParameters parameters, IIntervalReports reports, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await reports.AgentsAsync(ToQuery(parameters), cancellationToken);
        if (!result.IsValid)
        {
            return ToProblem(result.Errors);
        }

        return WantsCsv(parameters, context)
            ? Csv(ReportCsv.Agents(result.Rows), "agents")
            : TypedResults.Ok(ToResponse(result));
    }

    // An interval that is not a number reaches Core as 0, which it refuses naming the field, as any other bad interval.
    private static ReportQuery ToQuery(ReportParameters p) =>
        new(p.From, p.To, p.Interval is null ? null : int.TryParse(p.Interval, out var minutes) ? minutes : 0, p.Queue, p.Agent);

    private static ReportResponse<TRow> ToResponse<TRow>(ReportResult<TRow> result)
    {
        var period = result.Period!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(result.TimeZone);
        return new ReportResponse<TRow>(
            result.TimeZone, Local(period.From, zone), Local(period.To, zone), (int)period.Interval.TotalMinutes, result.Rows);
    }

    private static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(utc));

    private static bool WantsCsv(ReportParameters parameters, HttpContext context)
    {
        if (parameters.Format is { } format)
        {
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        }

        return context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ReportCsv.ContentType, StringComparison.OrdinalIgnoreCase));
    }

    private static FileContentHttpResult Csv(string csv, string name) =>
        TypedResults.File(Encoding.UTF8.GetBytes(csv), ReportCsv.ContentType + "; charset=utf-8", name + ".csv");

    private static ValidationProblem ToProblem(IReadOnlyList<ReportFieldError> errors)
    {
        var problem = new FieldErrors();
        foreach (var error in errors)
        {
            problem.Add(error.Field, error.Reason);
        }

        return problem.ToProblem();
    }
}
