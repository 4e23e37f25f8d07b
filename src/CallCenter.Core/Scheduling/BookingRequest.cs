using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

/// <summary>A booking request from any channel.</summary>
public sealed record BookingRequest(Guid PatientId, Guid SlotId, AppointmentChannel Channel, string? Reason);
