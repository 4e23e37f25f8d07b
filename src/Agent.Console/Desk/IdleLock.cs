namespace AgentConsole.Desk;

/// <summary>
/// Locks the desk after <see cref="Timeout"/> without keyboard input, so patient data is not left on an unattended
/// screen; only signing in again (the same user, with the password) unlocks it. Used from the UI thread only.
/// </summary>
internal sealed class IdleLock(TimeProvider time, TimeSpan timeout)
{
    private DateTimeOffset _lastInput = time.GetUtcNow();

    public TimeSpan Timeout => timeout;

    public bool IsLocked { get; private set; }

    /// <summary>A key was pressed: the idle time starts again (a locked desk stays locked).</summary>
    public void Input() => _lastInput = time.GetUtcNow();

    /// <summary>Locks when the desk has been idle for the timeout; true when it locked just now.</summary>
    public bool LockIfIdle()
    {
        if (IsLocked || time.GetUtcNow() - _lastInput < timeout)
        {
            return false;
        }

        IsLocked = true;
        return true;
    }

    /// <summary>The user signed in again.</summary>
    public void Unlock()
    {
        IsLocked = false;
        _lastInput = time.GetUtcNow();
    }
}
