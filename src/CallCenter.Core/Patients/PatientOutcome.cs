namespace CallCenter.Core.Patients;

public enum PatientOutcome
{
    Ok,

    /// <summary>No such patient, or one the actor may not see: both answer 404.</summary>
    NotFound,

    /// <summary>The input has errors; see <see cref="PatientResult{T}.Errors"/>.</summary>
    Invalid,

    /// <summary>The MRN belongs to another patient (<see cref="PatientResult{T}.ExistingPatientId"/>).</summary>
    MrnTaken,
}
