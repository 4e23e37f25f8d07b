using AgentDesk.Contracts;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>
/// The voice path of the desk: what happens to the caller's call when an agent acts. On Twilio (and the simulator,
/// which speaks the same protocol) every action redirects the live call with the REST API to TwiML the hub serves.
/// It alone ends an agent's part of a call (hang-up, transfers, release, the caller hanging up, the agent's phone
/// not answering), exactly once: the agent goes to wrap-up and their desk hears CallEnded.
/// </summary>
public interface IDeskCallControl
{
    /// <summary>Connects the caller of an accepted offer to the agent's endpoint (number, SIP address or client), taking them out of the queue.</summary>
    Task<DeskResult> ConnectAsync(Offer accepted, CancellationToken cancellationToken = default);

    /// <summary>Puts the caller on hold (music and a message), leaving the agent on the call.</summary>
    Task<DeskResult> HoldAsync(Offer accepted, CancellationToken cancellationToken = default);

    /// <summary>Connects the held caller back to the agent.</summary>
    Task<DeskResult> ResumeAsync(Offer accepted, CancellationToken cancellationToken = default);

    /// <summary>Sends the caller to a queue (they keep their place by time) or, for a warm transfer to an agent, to hold while the target is offered the call.</summary>
    Task<DeskResult> TransferToQueueAsync(Offer accepted, string queueName, CancellationToken cancellationToken = default);

    /// <summary>Dials an outside number for the caller; the agent is released.</summary>
    Task<DeskResult> TransferToNumberAsync(Offer accepted, string e164, CancellationToken cancellationToken = default);

    /// <summary>
    /// The agent leaves the call while the caller stays where they are (holding for the agent a transfer goes to).
    /// Their part ends once: wrap-up and CallEnded, as for every end of an agent's call.
    /// </summary>
    Task<DeskResult> ReleaseAgentAsync(Offer accepted, CancellationToken cancellationToken = default);

    /// <summary>Ends the call for the caller.</summary>
    Task<DeskResult> HangUpAsync(Offer accepted, CancellationToken cancellationToken = default);

    /// <summary>Carries out an overflow decision on a waiting call (voicemail or a callback offer).</summary>
    Task OverflowAsync(OverflowAction action, CancellationToken cancellationToken = default);
}
