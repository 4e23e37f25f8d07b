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
