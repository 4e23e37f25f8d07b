namespace CallCenter.Core.Reminders;

/// <summary>A plan step as the API received it: any field may be missing.</summary>
public sealed record ReminderStepInput(int? OffsetMinutes, string? Purpose, string? Channel);
