namespace Ivr.Flows.Services;

/// <summary>The patient a typed identifier named (null when none), or refused because of too many failed attempts.</summary>
public sealed record IdentifierCheck(Guid? Candidate, bool LockedOut = false);
