namespace CallCenter.Core.Audit;

/// <summary>Filter for reading the audit trail; all parts optional.</summary>
public sealed record AuditQuery(Guid? PatientId = null, Guid? UserId = null, DateTime? From = null, DateTime? To = null);
