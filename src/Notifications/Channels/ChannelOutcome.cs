namespace Notifications.Channels;

/// <summary>How a send ended, as the dispatcher acts on it.</summary>
public enum ChannelOutcome
{
    /// <summary>The carrier took it (<see cref="ChannelSendResult.CarrierId"/>).</summary>
    Accepted,

    /// <summary>The carrier asked the sender to slow down: the row waits (not an attempt), the sender backs off.</summary>
    Throttled,

    /// <summary>The recipient unsubscribed at the carrier (Twilio 21610): the address is suppressed.</summary>
    OptedOut,

    /// <summary>Can never succeed (an invalid number or address): failed at once.</summary>
    Rejected,

    /// <summary>Refused for now (a server error, a carrier that is down): retried with backoff.</summary>
    Transient,

    /// <summary>The request went out and no answer came back: the carrier may have it; asked before the next try.</summary>
    Unknown,
}
