namespace CallCenter.Core.Reminders;

public enum ReminderSendStage
{
    /// <summary>The carrier took it.</summary>
    Left,

    /// <summary>Not yet: it is tried again at the given time.</summary>
    Waiting,

    /// <summary>It will never leave (no consent, suppressed, expired, failed for good).</summary>
    NotSent,
}
