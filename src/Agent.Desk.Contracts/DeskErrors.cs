namespace AgentDesk.Contracts;

/// <summary>Machine codes of <see cref="DeskResult.Error"/>.</summary>
public static class DeskErrors
{
    /// <summary>The call, offer, conversation or patient is not the agent's to act on.</summary>
    public const string NotYours = "not-yours";
    public const string NotFound = "not-found";

    /// <summary>The state machine (agent, appointment, call) does not allow it now.</summary>
    public const string Refused = "refused";
    public const string Invalid = "invalid";

    /// <summary>Someone else changed it first; read the desk again.</summary>
    public const string Conflict = "conflict";

    /// <summary>The carrier or another system did not answer.</summary>
    public const string Unavailable = "unavailable";
}
