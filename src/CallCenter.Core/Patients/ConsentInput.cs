namespace CallCenter.Core.Patients;

/// <summary>
/// A consent given (<c>granted: true</c>) or withdrawn for one channel, or for one purpose on it
/// (<see cref="ConsentPurposes"/>; none: the whole channel); <c>changedAt</c> defaults to now.
/// </summary>
public sealed record ConsentInput(string? Channel, bool? Granted, string? Method, DateTime? ChangedAt = null, string? Note = null, string? Purpose = null);
