namespace AgentDesk.Contracts;

public sealed record BookAppointmentRequest(Guid OfferId, Guid SlotId, string? Reason = null);
