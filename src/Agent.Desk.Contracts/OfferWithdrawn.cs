namespace AgentDesk.Contracts;

/// <summary>Reason codes: rang-out, caller-left, declined, taken-elsewhere, disconnected, transferred.</summary>
public sealed record OfferWithdrawn(Guid OfferId, string Reason);
