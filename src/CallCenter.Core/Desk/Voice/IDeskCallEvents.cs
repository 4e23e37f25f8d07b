using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Desk.Voice;

/// <summary>What the desk's voice path must hear from the hub's call status path.</summary>
public interface IDeskCallEvents
{
    /// <summary>
    /// The carrier reported the call over (its final status). An agent still on it has their call ended (the caller
    /// hung up); an offer still ringing for it is withdrawn. Safe to call for any call, and more than once.
    /// </summary>
    Task CallOverAsync(string callSid, CancellationToken cancellationToken = default);
}
