namespace CallCenter.Core.Routing;

/// <summary>
/// The agents behind a queue as routing sees them: <see cref="Staffed"/> are signed on and working (available,
/// ringing, on a call or wrapping up) with every skill the queue needs; <see cref="Available"/> of them are free now.
/// </summary>
public sealed record QueueStaff(int Staffed, int Available);
