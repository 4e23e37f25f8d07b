namespace AgentDesk.Contracts;

public sealed record DeskAppointment
{
    public required Guid Id { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required string Department { get; init; }
    public string? Doctor { get; init; }
    public required string Status { get; init; }
}
