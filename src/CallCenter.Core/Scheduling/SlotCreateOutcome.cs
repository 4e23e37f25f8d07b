namespace CallCenter.Core.Scheduling;

public enum SlotCreateOutcome
{
    Created,
    DoctorNotFound,
    Overlaps,
}
