using System.Text.RegularExpressions;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Scheduling;

/// <summary>Departments: everyone reads, supervisors create.</summary>
internal static partial class DepartmentEndpoints
{
    public static void MapDepartmentEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/departments").WithTags("Scheduling").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithSummary("List departments by code.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One department.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Supervisor).WithSummary("Create a department; its code is unique.");
    }

    private static async Task<Results<Ok<Page<DepartmentResponse>>, ValidationProblem>> ListAsync(
        IDepartmentRepository departments, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        if (request.Validate() is { } error)
        {
            return Problems.Field(error.Field, error.Reason);
        }

        var result = await departments.ListAsync(request, cancellationToken);
        return TypedResults.Ok(new Page<DepartmentResponse>(result.Items.Select(DepartmentResponse.From).ToList(), result.PageNumber, result.PageSize, result.HasMore));
    }

    private static async Task<Results<Ok<DepartmentResponse>, NotFound>> GetAsync(Guid id, IDepartmentRepository departments, CancellationToken cancellationToken) =>
        await departments.FindAsync(id, cancellationToken) is { } department ? TypedResults.Ok(DepartmentResponse.From(department)) : TypedResults.NotFound();

    private static async Task<Results<Created<DepartmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateDepartmentRequest request, IDepartmentRepository departments, IAuditLog audit, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Code) || !CodePattern().IsMatch(request.Code))
        {
            errors.Add("code", "is required: 1 to 32 letters, digits, dashes or underscores");
        }

        var name = SchedulingValidation.RequireText(request.Name, 200, "name", errors);
        var nameEn = SchedulingValidation.OptionalText(request.NameEn, 200, "nameEn", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var department = new Department
        {
            Id = Ids.New(time), Code = request.Code!.ToUpperInvariant(), Name = name!, NameEn = nameEn, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (!await departments.TryCreateAsync(department, cancellationToken))
        {
            return Problems.Conflict("Department code taken", $"A department with code '{department.Code}' already exists.");
        }

        await audit.WriteAsync(context.User.ToActor(), "department.create", null, AuditOutcomes.Success, $"department {department.Id}", cancellationToken);
        return TypedResults.Created($"/api/departments/{department.Id}", DepartmentResponse.From(department));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();
}
