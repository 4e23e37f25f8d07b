namespace CallCenter.Core.Reminders;

/// <summary>One message of a reminder plan: sent <see cref="OffsetMinutes"/> before the visit.</summary>
public sealed record ReminderStep(int OffsetMinutes, string Purpose, string Channel);
