namespace Twilio.Protocol.Rest;

/// <summary>Waits before a retry. Registered from <see cref="TimeProvider"/>; tests pass one that records and returns at once.</summary>
public delegate Task TwilioRetryDelay(TimeSpan delay, CancellationToken cancellationToken);
