namespace CallCenter.Core.Messaging;

/// <summary>
/// Addresses nothing is sent to on a channel, whoever they belong to: a number that texted STOP (a patient's or not),
/// or one the carrier refused with 21610 (unsubscribed). START lifts it. The outbox checks it before every send.
/// </summary>
public interface IRecipientSuppressions
{
    /// <summary>Adds the address (or keeps it, if already there).</summary>
    Task SuppressAsync(string channel, string address, string reason, CancellationToken cancellationToken = default);

    Task LiftAsync(string channel, string address, CancellationToken cancellationToken = default);

    /// <summary>The reason the address is suppressed on the channel, or null when it is not.</summary>
    Task<string?> FindAsync(string channel, string address, CancellationToken cancellationToken = default);
}
