namespace CallCenter.Core.Reminders;

/// <summary>A department's reminder steps, latest first; <see cref="IsDefault"/> when the department has no plan of its own.</summary>
public sealed record ReminderPlan(IReadOnlyList<ReminderStep> Steps, bool IsDefault = false)
{
    public const int MaxSteps = 5;

    /// <summary>At most 30 days before the visit; at least 15 minutes.</summary>
    public const int MaxOffsetMinutes = 30 * 24 * 60;
    public const int MinOffsetMinutes = 15;

    /// <summary>The defaults: a confirmation request 72 hours before, a reminder 24 hours before, by SMS.</summary>
    public static ReminderPlan Default { get; } = new(
        [new ReminderStep(72 * 60, ReminderPurposes.Confirmation, ReminderChannels.Sms), new ReminderStep(24 * 60, ReminderPurposes.Reminder, ReminderChannels.Sms)],
        IsDefault: true);
}
