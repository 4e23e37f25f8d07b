namespace AgentDesk.Contracts;

/// <summary>
/// The answer to an agent's action. <see cref="Error"/> is a short machine code (not-yours, not-found, refused,
/// invalid, conflict, unavailable); <see cref="Field"/> and <see cref="Reason"/> say what to change.
/// </summary>
public sealed record DeskResult
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Field { get; init; }
    public string? Reason { get; init; }

    /// <summary>An ID the action created (an appointment, a patient, a callback, a message).</summary>
    public string? CreatedId { get; init; }

    public static DeskResult Success(string? createdId = null) => new() { Ok = true, CreatedId = createdId };

    public static DeskResult Fail(string error, string reason, string? field = null) =>
        new() { Ok = false, Error = error, Reason = reason, Field = field };
}

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
