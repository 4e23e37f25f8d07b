namespace Notifications.Channels.Email;

/// <summary>What became of one email.</summary>
internal enum EmailSendOutcome
{
    /// <summary>The server accepted it for delivery.</summary>
    Sent,

    /// <summary>Not sent, and trying again later may work: server down or unreachable, timeout, a 4xx answer, TLS or login trouble.</summary>
    TransientFailure,

    /// <summary>Not sent, and the same message will never be: a 5xx answer such as 550 recipient refused, or a malformed address.</summary>
    PermanentFailure,

    /// <summary>
    /// The message was being handed to the server (its data written) when the connection failed or timed out before
    /// the server's final answer: the server may have queued it. Nothing can ask an SMTP server afterwards.
    /// </summary>
    OutcomeUnknown,
}
