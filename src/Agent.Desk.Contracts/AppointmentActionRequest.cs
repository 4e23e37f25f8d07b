namespace AgentDesk.Contracts;

public sealed record AppointmentActionRequest(Guid OfferId, Guid AppointmentId, string? Reason = null);
