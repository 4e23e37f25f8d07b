namespace CallCenter.Core.Reminders;

/// <summary>An enqueued message's step: it left at <see cref="At"/>, waits until <see cref="At"/>, or ended unsent at <see cref="At"/>.</summary>
public sealed record ReminderSendProgress(string Correlation, ReminderSendStage Stage, DateTime At);
