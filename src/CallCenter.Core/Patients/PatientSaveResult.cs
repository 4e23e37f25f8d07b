using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

public enum PatientSaveResult
{
    Saved,
    NotFound,
    MrnTaken,
}
