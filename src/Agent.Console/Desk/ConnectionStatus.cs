namespace AgentConsole.Desk;

/// <summary>Where the desk's link to the hub stands.</summary>
internal enum ConnectionPhase
{
    Connecting,
    Connected,
    Reconnecting,

    /// <summary>The hub did not answer (or has no desk); the console keeps trying.</summary>
    Unreachable,

    /// <summary>The hub no longer accepts the token (expired or revoked): the agent must sign in again.</summary>
    SignedOut,
}

/// <summary>The connection as the status line shows it. <see cref="NextAttemptAt"/> is on the console's clock.</summary>
internal sealed record ConnectionStatus(ConnectionPhase Phase, Uri HubUrl, DateTimeOffset? NextAttemptAt = null, string? Detail = null);

/// <summary>A line for the agent: the outcome of an action, a notice from the hub, or an error.</summary>
internal sealed record DeskNotice(string Text, bool IsError, DateTimeOffset At);
