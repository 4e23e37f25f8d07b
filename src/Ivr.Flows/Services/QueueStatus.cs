namespace Ivr.Flows.Services;

/// <summary>A queue's live figures. Estimated wait is seconds for a caller joining now.</summary>
public sealed record QueueStatus(string Queue, int Waiting, int AgentsAvailable, int EstimatedWaitSeconds, int LongestWaitSeconds);
