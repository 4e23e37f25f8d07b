using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Scheduling;

/// <summary>Doctors: everyone reads, supervisors create.</summary>
internal static class DoctorEndpoints
{
    public static void MapDoctorEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/doctors").WithTags("Scheduling").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithSummary("List doctors by name, optionally of one department.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One doctor.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Supervisor).WithSummary("Add a doctor to a department.");
    }

    private static async Task<Results<Ok<Page<DoctorResponse>>, ValidationProblem>> ListAsync(
        IDoctorRepository doctors, CancellationToken cancellationToken, Guid? departmentId = null, int page = 1, int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        if (request.Validate() is { } error)
        {
            return Problems.Field(error.Field, error.Reason);
        }

        var result = await doctors.ListAsync(departmentId, request, cancellationToken);
        return TypedResults.Ok(new Page<DoctorResponse>(result.Items.Select(DoctorResponse.From).ToList(), result.PageNumber, result.PageSize, result.HasMore));
    }

    private static async Task<Results<Ok<DoctorResponse>, NotFound>> GetAsync(Guid id, IDoctorRepository doctors, CancellationToken cancellationToken) =>
        await doctors.FindAsync(id, cancellationToken) is { } doctor ? TypedResults.Ok(DoctorResponse.From(doctor)) : TypedResults.NotFound();

    private static async Task<Results<Created<DoctorResponse>, ValidationProblem>> CreateAsync(
        CreateDoctorRequest request,
        IDoctorRepository doctors,
        IDepartmentRepository departments,
        IAuditLog audit,
        HttpContext context,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.DepartmentId is not { } departmentId)
        {
            errors.Add("departmentId", "is required");
        }
        else if (await departments.FindAsync(departmentId, cancellationToken) is null)
        {
            errors.Add("departmentId", "no such department");
        }

        var name = SchedulingValidation.RequireText(request.Name, 200, "name", errors);
        var title = SchedulingValidation.OptionalText(request.Title, 100, "title", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var doctor = new Doctor { Id = Ids.New(time), DepartmentId = request.DepartmentId!.Value, Name = name!, Title = title, CreatedAt = time.GetUtcNow().UtcDateTime };
        await doctors.CreateAsync(doctor, cancellationToken);
        await audit.WriteAsync(context.User.ToActor(), "doctor.create", null, AuditOutcomes.Success, $"doctor {doctor.Id}", cancellationToken);
        return TypedResults.Created($"/api/doctors/{doctor.Id}", DoctorResponse.From(doctor));
    }
}
