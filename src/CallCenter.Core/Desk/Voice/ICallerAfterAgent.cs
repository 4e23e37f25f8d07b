namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// Asked when the agent's leg of a call ended first and the caller is still on the line (Twilio requested the Dial's
/// action with DialCallStatus completed): TwiML that keeps the caller (a keypad survey), or null for the goodbye.
/// Asked again for a repeat of that webhook, so an answer must be decided once and repeated as it stands.
/// </summary>
public interface ICallerAfterAgent
{
    Task<string?> CallerStaysAsync(AgentLeftCaller left, CancellationToken cancellationToken);
}
