namespace AgentDesk.Contracts;

/// <summary>
/// A callback: on an offer's screen-pop (why the patient is called back), and in the agent's list of their own
/// callbacks (<see cref="IAgentDeskHub.GetCallbacksAsync"/>).
/// </summary>
public sealed record DeskCallback
{
    public required Guid CallbackId { get; init; }
    public required string Queue { get; init; }

    /// <summary>scheduled, requested, offered, assigned, dialling (and, in lists of past ones, done, failed).</summary>
    public required string Status { get; init; }

    /// <summary>ivr (pressed 1 in line), desk (promised in wrap-up) or api.</summary>
    public required string Source { get; init; }

    /// <summary>The patient's number, masked as on the screen-pop.</summary>
    public required string Number { get; init; }
    public Guid? PatientId { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? Reason { get; init; }
    public int Attempts { get; init; }
    public string? LastOutcome { get; init; }
}
