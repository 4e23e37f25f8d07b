namespace CallCenter.Core.Reminders;

/// <summary>A slot with a place given back (a cancellation, a move away, an offer declined or lapsed).</summary>
public sealed record FreedPlace(Guid SlotId, Guid DoctorId, Guid DepartmentId, DateTime StartsAt);
