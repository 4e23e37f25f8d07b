namespace CallCenter.Core.Queues;

/// <summary>A queue's figures at one moment.</summary>
public sealed record QueueFigures(int Waiting, int Callbacks, DateTime? OldestWaitingSince);
