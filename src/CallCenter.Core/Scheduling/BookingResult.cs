using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

/// <summary>The outcome; <see cref="Appointment"/> is set when booked, <see cref="Slot"/> when the slot was found.</summary>
public sealed record BookingResult(BookingOutcome Outcome, Appointment? Appointment = null, Slot? Slot = null);
