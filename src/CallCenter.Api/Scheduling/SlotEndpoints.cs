using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Scheduling;

/// <summary>Doctors' slots: agents read the pool, supervisors write the schedule.</summary>
internal static class SlotEndpoints
{
    public static void MapSlotEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/slots").WithTags("Scheduling").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithSummary("List slots by department, doctor and start time, optionally only those with free places; ordered by start.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One slot with its free places.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Supervisor).WithSummary("Create one slot; it may not overlap another of the same doctor.");
        group.MapPost("/generate", GenerateAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Create a doctor's slots over a date range from daily hours in a time zone; existing ones are skipped.");
    }

    private static async Task<Results<Ok<Page<SlotResponse>>, ValidationProblem>> ListAsync(
        ISlotRepository slots,
        CancellationToken cancellationToken,
        Guid? departmentId = null,
        Guid? doctorId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        bool onlyFree = false,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        if (request.Validate() is { } error)
        {
            return Problems.Field(error.Field, error.Reason);
        }

        if (from is not null && to is not null && to <= from)
        {
            return Problems.Field("to", "must be after from");
        }

        var query = new SlotQuery(departmentId, doctorId, from?.UtcDateTime, to?.UtcDateTime, onlyFree);
        var result = await slots.ListAsync(query, request, cancellationToken);
        return TypedResults.Ok(new Page<SlotResponse>(result.Items.Select(SlotResponse.From).ToList(), result.PageNumber, result.PageSize, result.HasMore));
    }

    private static async Task<Results<Ok<SlotResponse>, NotFound>> GetAsync(Guid id, ISlotRepository slots, CancellationToken cancellationToken) =>
        await slots.FindAsync(id, cancellationToken) is { } slot ? TypedResults.Ok(SlotResponse.From(slot)) : TypedResults.NotFound();

    private static async Task<Results<Created<SlotResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateSlotRequest request, ISlotRepository slots, IAuditLog audit, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.DoctorId is null)
        {
            errors.Add("doctorId", "is required");
        }

        var startsAt = SchedulingValidation.RequireInstant(request.StartsAt, "startsAt", errors);
        var endsAt = SchedulingValidation.RequireInstant(request.EndsAt, "endsAt", errors);
        if (request.Capacity is null)
        {
            errors.Add("capacity", "is required");
        }

        if (startsAt is { } start && endsAt is { } end && request.Capacity is { } capacity)
        {
            foreach (var (field, reason) in SlotRules.Validate(start, end, capacity))
            {
                errors.Add(field, reason);
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var slot = new Slot
        {
            Id = Ids.New(time), DoctorId = request.DoctorId!.Value, StartsAt = startsAt!.Value, EndsAt = endsAt!.Value, Capacity = request.Capacity!.Value,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        switch (await slots.CreateAsync(slot, cancellationToken))
        {
            case SlotCreateOutcome.DoctorNotFound:
                return Problems.Field("doctorId", "no such doctor");
            case SlotCreateOutcome.Overlaps:
                return Problems.Conflict("Slot overlaps", "The doctor already has a slot overlapping this time.", new Dictionary<string, object?> { ["doctorId"] = slot.DoctorId });
        }

        await audit.WriteAsync(context.User.ToActor(), "slot.create", null, AuditOutcomes.Success, $"slot {slot.Id} doctor {slot.DoctorId}", cancellationToken);
        var created = await slots.FindAsync(slot.Id, cancellationToken) ?? slot;
        return TypedResults.Created($"/api/slots/{slot.Id}", SlotResponse.From(created));
    }

    private static async Task<Results<Ok<GenerateSlotsResponse>, ValidationProblem>> GenerateAsync(
        GenerateSlotsRequest request, ISlotRepository slots, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Require(request.DoctorId, "doctorId", errors);
        Require(request.FromDate, "fromDate", errors);
        Require(request.ToDate, "toDate", errors);
        Require(request.DailyStart, "dailyStart", errors);
        Require(request.DailyEnd, "dailyEnd", errors);
        Require(request.SlotMinutes, "slotMinutes", errors);
        Require(request.Capacity, "capacity", errors);
        Require(request.Weekdays, "weekdays", errors);
        Require(request.TimeZone, "timeZone", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var plan = new SlotPlan
        {
            DoctorId = request.DoctorId!.Value,
            FromDate = request.FromDate!.Value,
            ToDate = request.ToDate!.Value,
            DailyStart = request.DailyStart!.Value,
            DailyEnd = request.DailyEnd!.Value,
            SlotMinutes = request.SlotMinutes!.Value,
            Capacity = request.Capacity!.Value,
            Weekdays = request.Weekdays!.ToHashSet(),
            TimeZoneId = request.TimeZone!,
        };
        var problems = SlotGenerator.Validate(plan, out var zone);
        if (problems.Count > 0)
        {
            foreach (var (field, reason) in problems)
            {
                errors.Add(field, reason);
            }

            return errors.ToProblem();
        }

        var times = SlotGenerator.Expand(plan, zone!);
        if (await slots.CreateManyAsync(plan.DoctorId, times, plan.Capacity, cancellationToken) is not { } created)
        {
            return Problems.Field("doctorId", "no such doctor");
        }

        await audit.WriteAsync(context.User.ToActor(), "slot.generate", null, AuditOutcomes.Success, $"doctor {plan.DoctorId} created {created}", cancellationToken);
        return TypedResults.Ok(new GenerateSlotsResponse(created, times.Count - created));
    }

    private static void Require(object? value, string field, FieldErrors errors)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            errors.Add(field, "is required");
        }
    }
}
