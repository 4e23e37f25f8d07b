namespace CallCenter.Core.Messaging;

/// <summary>
/// Told of every SMS status callback once the message's own record has it (duplicates included: a listener moves
/// its own state forward only). The notification outbox listens, so its row follows the carrier.
/// </summary>
public interface IMessageStatusListener
{
    Task StatusReceivedAsync(MessageStatusUpdate update, CancellationToken cancellationToken);
}
