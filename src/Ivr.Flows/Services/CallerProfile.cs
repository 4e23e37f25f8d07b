namespace Ivr.Flows.Services;

/// <summary>What the IVR knows of a caller: enough to greet and route them, nothing more.</summary>
public sealed record CallerProfile(Guid PatientId, string DisplayName, string GivenName, string? Language, IReadOnlyList<string> Tags);
