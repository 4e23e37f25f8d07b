using System.Text;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Ivr;
using Ivr.Flows.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Ivr;

/// <summary>Flow files for admins and supervisors: what is active, what was refused and why, and a validator.</summary>
internal static class FlowEndpoints
{
    /// <summary>Flow files are small; a larger body is refused before it is read.</summary>
    public const int MaxFlowBytes = 1024 * 1024;

    public static void MapFlowEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/flows").WithTags("IVR flows");
        group.MapGet("/", List)
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("Every flow file: its flow, numbers, active version and the errors of its current content.");
        group.MapGet("/{id}", Find)
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("The JSON of the flow's version active for new calls.");
        group.MapPost("/validate", ValidateAsync)
            .RequireAuthorization(Policies.Admin)
            .Accepts<string>("application/json")
            .WithSummary("Checks a flow (the body is the flow file's JSON) against the hub's queues, departments and endpoints.");
    }

    private static Ok<FlowFileResponse[]> List(FlowRegistry registry) =>
        TypedResults.Ok(registry.Current.Files.Values.Select(FlowFileResponse.From).ToArray());

    private static Results<ContentHttpResult, NotFound> Find(string id, FlowRegistry registry) =>
        registry.Current.FindById(id) is { } active
            ? TypedResults.Text(active.Content, "application/json", Encoding.UTF8)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<FlowValidationResponse>, ValidationProblem>> ValidateAsync(
        HttpRequest request, FlowCatalogReader catalogs, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFlowBytes)
        {
            return Problems.Field("body", $"is larger than {MaxFlowBytes} bytes");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Problems.Field("body", "is required: the flow file's JSON");
        }

        var result = FlowLoader.Load("request", json, await catalogs.ReadAsync(cancellationToken));
        return TypedResults.Ok(new FlowValidationResponse(
            result.Succeeded,
            result.Flow?.Id,
            result.Succeeded ? ActiveFlow.VersionOf(json) : null,
            [.. result.Errors.Select(FlowErrorResponse.From)]));
    }
}
