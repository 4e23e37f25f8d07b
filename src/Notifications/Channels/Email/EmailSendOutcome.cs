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
}
