namespace AgentDesk.Contracts;

/// <summary>A callback for the patient on screen (or the caller's number), at a time or as soon as possible.</summary>
public sealed record ScheduleCallbackRequest(Guid OfferId, DateTimeOffset? At = null, string? Number = null, string? Note = null);
