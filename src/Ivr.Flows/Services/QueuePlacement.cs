namespace Ivr.Flows.Services;

/// <summary>Where a call stands: its position (1 = next) and the estimated seconds left.</summary>
public sealed record QueuePlacement(string Queue, int Position, int EstimatedWaitSeconds, DateTimeOffset EnqueuedAt);
