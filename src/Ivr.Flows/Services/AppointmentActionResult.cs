namespace Ivr.Flows.Services;

/// <summary>The result of confirm, cancel or book: done, or why not (<c>not-found</c>, <c>invalid-state</c>, <c>full</c>...).</summary>
public sealed record AppointmentActionResult(bool Succeeded, string? Reason = null, AppointmentSummary? Appointment = null);
