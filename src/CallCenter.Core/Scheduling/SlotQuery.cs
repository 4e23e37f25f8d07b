namespace CallCenter.Core.Scheduling;

/// <summary>Filter for listing slots; all parts optional. <c>From</c>/<c>To</c> bound the start time.</summary>
public sealed record SlotQuery(
    Guid? DepartmentId = null, Guid? DoctorId = null, DateTime? From = null, DateTime? To = null, bool OnlyFree = false);
