namespace CallCenter.Core.Agents;

internal sealed partial class AgentStatusRepository
{
    // States are stored as their codes; these rows carry them as text between Dapper and the domain records.
    private sealed record StatusRow
    {
        public Guid UserId { get; init; }
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public DateTime Since { get; init; }
        public DateTime? WrapUpUntil { get; init; }
        public int MissedOffers { get; init; }
        public int Version { get; init; }
        public DateTime UpdatedAt { get; init; }

        public static StatusRow From(AgentStatus status) => new()
        {
            UserId = status.UserId, State = status.State.ToCode(), Reason = status.Reason, Since = status.Since,
            WrapUpUntil = status.WrapUpUntil, MissedOffers = status.MissedOffers, Version = status.Version, UpdatedAt = status.UpdatedAt,
        };

        public AgentStatus ToStatus() => new()
        {
            UserId = UserId, State = AgentStates.Parse(State), Reason = Reason, Since = Since, WrapUpUntil = WrapUpUntil,
            MissedOffers = MissedOffers, Version = Version, UpdatedAt = UpdatedAt,
        };
    }

    private sealed record EventRow
    {
        public Guid Id { get; init; }
        public Guid UserId { get; init; }
        public string FromState { get; init; } = "";
        public string ToState { get; init; } = "";
        public string? Reason { get; init; }
        public int Version { get; init; }
        public DateTime OccurredAt { get; init; }
    }
}
