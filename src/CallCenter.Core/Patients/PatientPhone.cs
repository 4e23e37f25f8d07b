namespace CallCenter.Core.Patients;

/// <summary>One phone number of a patient, in E.164.</summary>
public sealed record PatientPhone
{
    public required string E164 { get; init; }
    public required string Kind { get; init; }
    public bool IsPrimary { get; init; }
}
