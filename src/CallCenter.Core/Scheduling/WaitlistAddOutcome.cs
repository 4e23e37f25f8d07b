using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

public enum WaitlistAddOutcome
{
    Added,
    PatientNotFound,
    SlotNotFound,
    SlotInPast,
    SlotHasRoom,
    AlreadyWaiting,
}
