namespace AgentDesk.Contracts;

public sealed record LinkCallerRequest(Guid OfferId, Guid PatientId);
