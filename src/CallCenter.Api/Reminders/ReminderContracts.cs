using CallCenter.Core.Reminders;

namespace CallCenter.Api.Reminders;

internal sealed record ReminderStepRequest(int? OffsetMinutes, string? Purpose, string? Channel);

internal sealed record ReminderPlanRequest(List<ReminderStepRequest?>? Steps);

internal sealed record ReminderStepResponse(int OffsetMinutes, string Purpose, string Channel);

/// <summary><c>IsDefault</c> when the department has no plan of its own and the defaults apply.</summary>
internal sealed record ReminderPlanResponse(Guid DepartmentId, IReadOnlyList<ReminderStepResponse> Steps, bool IsDefault)
{
    public static ReminderPlanResponse From(Guid departmentId, ReminderPlan plan) =>
        new(departmentId, plan.Steps.Select(s => new ReminderStepResponse(s.OffsetMinutes, s.Purpose, s.Channel)).ToList(), plan.IsDefault);
}

internal sealed record VisitSettingsRequest(int? NoShowGraceMinutes, int? WaitlistOfferMinutes);

internal sealed record VisitSettingsResponse(Guid DepartmentId, int NoShowGraceMinutes, int WaitlistOfferMinutes, bool IsDefault)
{
    public static VisitSettingsResponse From(Guid departmentId, DepartmentVisitSettings s) => new(departmentId, s.NoShowGraceMinutes, s.WaitlistOfferMinutes, s.IsDefault);
}

internal sealed record NoShowRecordResponse(Guid PatientId, int Total, int Recent, int WindowDays, int Threshold, bool Flagged, DateTime? LastAt)
{
    public static NoShowRecordResponse From(Guid patientId, NoShowRecord r) => new(patientId, r.Total, r.Recent, r.WindowDays, r.Threshold, r.Flagged, r.LastAt);
}

/// <summary>How many appointments or offers a run changed.</summary>
internal sealed record ReminderRunResponse(int Changed);
