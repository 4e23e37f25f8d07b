using AgentDesk.Contracts;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Desk.ScreenPop;

namespace CallCenter.Core.Desk;

/// <summary>Maps callbacks to the desk contract (the number masked, as on every screen-pop).</summary>
public static class DeskCallbacks
{
    public static DeskCallback From(Callback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new DeskCallback
        {
            CallbackId = callback.Id,
            Queue = callback.QueueName,
            Status = callback.Status,
            Source = callback.Source,
            Number = CallerNumbers.Mask(callback.Number),
            PatientId = callback.PatientId,
            DueAt = callback.DueAt is { } due ? DeskTimes.Utc(due) : null,
            Reason = callback.Reason,
            Attempts = callback.Attempts,
            LastOutcome = callback.LastOutcome,
        };
    }
}
