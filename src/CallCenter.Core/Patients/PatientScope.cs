
namespace CallCenter.Core.Patients;

/// <summary>The facts <see cref="PatientAccess"/> needs about one patient.</summary>
public sealed record PatientScope
{
    public required Guid Id { get; init; }

    public Guid? AssignedUserId { get; init; }
}
