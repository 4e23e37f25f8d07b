
namespace CallCenter.Api.Patients;

/// <summary>Who the patient is assigned to now (null: nobody, visible to every agent).</summary>
public sealed record AssignmentResponse(Guid PatientId, Guid? AssignedUserId);
