namespace AgentDesk.Contracts;

/// <summary>Disposition: one of the hub's codes (see <see cref="DeskSnapshot.Dispositions"/>). Notes go to the patient's timeline.</summary>
public sealed record WrapUpRequest(string CallSid, string Disposition, string? Notes = null);
