namespace CallCenter.Core.Scheduling;

public enum MoveOutcome
{
    Moved,
    NotFound,

    /// <summary>The appointment is cancelled, completed, a no-show or already checked in.</summary>
    NotAllowed,
    SlotNotFound,
    SlotInPast,
    SlotFull,
    SameSlot,

    /// <summary>The patient already holds an active appointment in the new slot.</summary>
    AlreadyBooked,
}
