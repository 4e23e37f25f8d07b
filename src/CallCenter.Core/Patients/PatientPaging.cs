using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

internal static class PatientPaging
{
    /// <summary><see cref="PageRequest.Validate"/> as a <see cref="FieldError"/>.</summary>
    public static FieldError? Check(PageRequest page) =>
        page.Validate() is { } error ? new FieldError(error.Field, error.Reason) : null;
}
