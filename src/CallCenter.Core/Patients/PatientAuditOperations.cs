namespace CallCenter.Core.Patients;

/// <summary>The audit operation names of the patient features, as they appear in the audit trail.</summary>
public static class PatientAuditOperations
{
    public const string Create = "patient.create";
    public const string Read = "patient.read";
    public const string Update = "patient.update";
    public const string Search = "patient.search";
    public const string DuplicateCheck = "patient.duplicate-check";
    public const string Assign = "patient.assign";
    public const string ConsentAdd = "patient.consent.add";
    public const string ConsentRead = "patient.consent.read";
    public const string TimelineRead = "patient.timeline.read";
    public const string NoteAdd = "patient.note.add";
}
